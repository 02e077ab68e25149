package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StatementShapeTest {

    private static String body(DatabaseType type, String sql) {
        return StatementShape.statementBody(type, sql);
    }

    private static void refused(DatabaseType type, String sql, String reason) {
        assertThatThrownBy(() -> body(type, sql))
                .as(sql)
                .isInstanceOfSatisfying(
                        QueryFailedException.class,
                        e -> assertThat(e.category()).isEqualTo(QueryFailedException.Category.SYNTAX))
                .hasMessageContaining(reason);
    }

    @Test
    void queriesPassWithoutTheirTrailingSemicolon() {
        assertThat(body(DatabaseType.POSTGRESQL, "SELECT 1;")).isEqualTo("SELECT 1");
        assertThat(body(DatabaseType.POSTGRESQL, "  /* hi */ (SELECT 1) UNION (SELECT 2) ; -- done"))
                .isEqualTo("  /* hi */ (SELECT 1) UNION (SELECT 2) ");
        assertThat(body(DatabaseType.POSTGRESQL, "with x as (select 1) select * from x"))
                .startsWith("with");
        assertThat(body(DatabaseType.POSTGRESQL, "SELECT 'it''s; DELETE' AS s")).endsWith("AS s");
        assertThat(body(DatabaseType.POSTGRESQL, "SELECT $tag$;$tag$, E'\\';' AS s"))
                .endsWith("AS s");
        assertThat(body(DatabaseType.POSTGRESQL, "SELECT 1 -- DROP TABLE users"))
                .endsWith("users");
        assertThat(body(DatabaseType.MARIADB, "SELECT 'a\\';b' AS s")).endsWith("AS s");
        assertThat(body(DatabaseType.MARIADB, "# comment\nSELECT `a;b` FROM t")).endsWith("FROM t");
        assertThat(body(DatabaseType.SQLITE, "VALUES (1), (2)")).startsWith("VALUES");
        assertThat(body(DatabaseType.DUCKDB, "FROM t SELECT a")).startsWith("FROM");
        assertThat(body(DatabaseType.SQLSERVER, "SELECT [a;b] FROM t")).endsWith("FROM t");
    }

    @Test
    void refusesWhatIsNotASingleQuery() {
        refused(DatabaseType.POSTGRESQL, "", "empty");
        refused(DatabaseType.POSTGRESQL, "  -- nothing\n", "read-only query");
        refused(DatabaseType.POSTGRESQL, "SELECT 1; DROP TABLE t", "one statement");
        refused(DatabaseType.POSTGRESQL, "SELECT 1 --\n; DELETE FROM t", "one statement");
        refused(DatabaseType.POSTGRESQL, "/* /* nested */ SELECT */ DELETE FROM t", "read-only query");
        refused(DatabaseType.POSTGRESQL, "COPY t TO PROGRAM 'id'", "read-only query");
        refused(DatabaseType.POSTGRESQL, "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE", "read-only query");
        refused(DatabaseType.POSTGRESQL, "EXPLAIN ANALYZE DELETE FROM t", "read-only query");
        refused(DatabaseType.MARIADB, "SET GLOBAL max_connections = 1", "read-only query");
        refused(DatabaseType.MARIADB, "SELECT 1 /*!80000 INTO OUTFILE '/tmp/x' */", "executable comments");
        refused(DatabaseType.MARIADB, "SELECT 1 /*M! , sleep(1) */", "executable comments");
        refused(DatabaseType.MARIADB, "SELECT * FROM t INTO DUMPFILE '/tmp/x'", "file");
        refused(DatabaseType.MARIADB, "--x\nSELECT 1", "read-only query");
        refused(DatabaseType.SQLITE, "PRAGMA writable_schema = ON", "read-only query");
        refused(DatabaseType.SQLITE, "ATTACH DATABASE '/tmp/x.db' AS x", "read-only query");
        refused(DatabaseType.DUCKDB, "COPY t TO '/tmp/x.csv'", "read-only query");
        refused(DatabaseType.DUCKDB, "SELECT 1; INSTALL httpfs", "one statement");
    }
}
