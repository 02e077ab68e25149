package io.datamind.offline;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Snapshots, tables, columns and keys of the small schemas the engine tests build, as discovery would report them. */
final class SchemaParts {

    private SchemaParts() {}

    static SchemaSnapshot snapshot(TableInfo... tables) {
        return new SchemaSnapshot(UUID.randomUUID(), Instant.now(), List.of(tables));
    }

    /** A table keyed by its "id" column, with the row estimate discovery read (PostgreSQL gives one). */
    static TableInfo table(String name, long rows, List<ColumnInfo> columns, List<ForeignKey> fks) {
        return new TableInfo(null, name, "TABLE", null, rows, columns, List.of("id"), fks);
    }

    /** A table keyed by its "id" column, with no row estimate. */
    static TableInfo table(String name, List<ColumnInfo> columns, List<ForeignKey> fks) {
        return new TableInfo(null, name, "TABLE", null, null, columns, List.of("id"), fks);
    }

    static ColumnInfo integer(String name, int position) {
        return new ColumnInfo(name, "INTEGER", "integer", false, position, null, List.of());
    }

    static ColumnInfo number(String name, int position) {
        return new ColumnInfo(name, "DECIMAL(10,2)", "number", true, position, null, List.of());
    }

    static ColumnInfo date(String name, int position) {
        return new ColumnInfo(name, "DATE", "date", true, position, null, List.of());
    }

    static ColumnInfo text(String name, int position, List<String> samples) {
        return new ColumnInfo(name, "VARCHAR(100)", "text", true, position, null, samples);
    }

    static ForeignKey fk(String column, String table, String target) {
        return new ForeignKey(null, List.of(column), null, table, List.of(target));
    }
}
