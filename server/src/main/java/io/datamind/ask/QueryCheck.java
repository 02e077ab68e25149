package io.datamind.ask;

import io.datamind.query.DatabaseType;
import io.datamind.query.guard.GuardVerdict;
import io.datamind.query.guard.KnownTables;
import io.datamind.query.guard.SqlDialect;
import io.datamind.query.guard.SqlGuard;
import io.datamind.schema.SchemaSnapshot;
import org.springframework.stereotype.Component;

/** The SQL guard over the connection's discovered tables, as for SQL a member writes in the editor. */
@Component
class QueryCheck {

    static final String NO_SQL = "The answer contained no SQL query";

    private final SqlGuard guard;

    QueryCheck(SqlGuard guard) {
        this.guard = guard;
    }

    GuardVerdict check(String sql, DatabaseType type, SchemaSnapshot snapshot) {
        if (sql == null || sql.isBlank()) {
            return new GuardVerdict.Refused(NO_SQL);
        }
        SqlDialect dialect = SqlDialect.of(type);
        return guard.check(sql, dialect, KnownTables.ofRefs(dialect, snapshot.tableRefs()));
    }
}
