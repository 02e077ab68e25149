package io.datamind.query;

import static io.datamind.query.RunnerFixtures.count;
import static io.datamind.query.RunnerFixtures.exec;
import static io.datamind.query.RunnerFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Writing SQL sent straight to the runner (no guard in front) fails on every database and leaves the data as it was:
 * the read-only connection, session and statement-shape layers hold on their own.
 */
class ReadOnlyQueryTest {

    private static final List<String> WRITES = List.of(
            "INSERT INTO t VALUES (99, 99)",
            "UPDATE t SET b = 0",
            "DELETE FROM t",
            "CREATE TABLE x (a int)",
            "DROP TABLE t",
            "ALTER TABLE t ADD COLUMN c int",
            "/* x */ DELETE FROM t",
            "WITH q AS (SELECT 1) DELETE FROM t",
            "SELECT 1; DROP TABLE t",
            "SELECT 1 --\n; DELETE FROM t",
            "TRUNCATE TABLE t");

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;
    private static DataSourceTarget sqlite;
    private static DataSourceTarget duckdb;

    @BeforeAll
    static void setUp() throws Exception {
        runner = RunnerFixtures.runner();
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_ro"));
        exec(postgres, "CREATE TABLE t (a int, b int)", "INSERT INTO t VALUES (1, 2), (3, 4)", "CREATE SEQUENCE s_seq");
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_ro"));
        exec(mariadb, "CREATE TABLE t (a int, b int)", "INSERT INTO t VALUES (1, 2), (3, 4)");
        sqlite = RunnerFixtures.file(DatabaseType.SQLITE, RunnerFixtures.tempFile(".sqlite"));
        exec(sqlite, "CREATE TABLE t (a int, b int)", "INSERT INTO t VALUES (1, 2), (3, 4)");
        duckdb = RunnerFixtures.file(DatabaseType.DUCKDB, RunnerFixtures.tempFile(".duckdb"));
        exec(duckdb, "CREATE TABLE t (a int, b int)", "INSERT INTO t VALUES (1, 2), (3, 4)");
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    @Test
    void writesFailAndChangeNothingOnEveryDatabase() throws SQLException {
        for (DataSourceTarget target : List.of(postgres, mariadb, sqlite, duckdb)) {
            for (String sql : WRITES) {
                assertThatThrownBy(() -> runner.execute(target, sql, runner.defaultLimits()))
                        .as("%s on %s", sql, target.type())
                        .isInstanceOf(QueryFailedException.class);
            }
            assertThat(contents(target)).as("data of %s", target.type()).isEqualTo("1:2,3:4");
            assertThat(runner.execute(target, "SELECT count(*) FROM t", runner.defaultLimits())
                            .rows())
                    .as("the pool still answers after the refusals on %s", target.type())
                    .hasSize(1);
        }
    }

    @Test
    void postgresCannotEscapeTheReadOnlyTransaction() throws SQLException {
        for (String sql : List.of(
                "SELECT 1; COMMIT; DELETE FROM t; SELECT 1",
                "SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE",
                "START TRANSACTION READ WRITE",
                "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d",
                "SELECT * INTO new_t FROM t",
                "SELECT * FROM t FOR UPDATE",
                "DO $$ BEGIN DELETE FROM t; END $$",
                "COPY t TO PROGRAM 'id'",
                "COPY (SELECT 1) TO '/tmp/datamind-runner-copy'",
                "SELECT nextval('s_seq')",
                "EXPLAIN ANALYZE DELETE FROM t",
                "PREPARE p AS DELETE FROM t")) {
            assertThatThrownBy(() -> runner.execute(postgres, sql, runner.defaultLimits()))
                    .as(sql)
                    .isInstanceOf(QueryFailedException.class);
        }
        // A session setting made by a query is rolled back with its transaction; the next query is still read-only.
        QueryFailedException write = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        postgres,
                        "WITH x AS (SELECT set_config('default_transaction_read_only', 'off', false)) "
                                + "SELECT * FROM x",
                        runner.defaultLimits()));
        assertThat(write).isNull();
        assertThat(catchThrowableOfType(
                                QueryFailedException.class,
                                () -> runner.execute(postgres, "SELECT nextval('s_seq')", runner.defaultLimits()))
                        .getMessage())
                .contains("read-only transaction");
        assertThat(count(postgres, "SELECT count(*) FROM t")).isEqualTo(2);
        assertThat(count(postgres, "SELECT count(*) FROM pg_class WHERE relname = 'new_t'"))
                .isZero();
        assertThat(Files.exists(Path.of("/tmp/datamind-runner-copy"))).isFalse();
        assertThat(count(postgres, "SELECT last_value FROM s_seq")).isEqualTo(1);
        assertThat(count(postgres, "SELECT count(*) FROM s_seq WHERE is_called"))
                .isZero();
    }

    @Test
    void mariadbRefusesSessionAndServerChanges() throws SQLException {
        long maxConnections = count(mariadb, "SELECT @@global.max_connections");
        for (String sql : List.of(
                "SET GLOBAL max_connections = 1",
                "SET SESSION TRANSACTION READ WRITE",
                "SELECT * FROM t INTO OUTFILE '/tmp/datamind-runner-outfile'",
                "SELECT 1 /*!80000 INTO OUTFILE '/tmp/datamind-runner-outfile2' */",
                "SELECT * FROM t LOCK IN SHARE MODE; DELETE FROM t",
                "REPLACE INTO t VALUES (1, 2)",
                "RENAME TABLE t TO t3",
                "CALL p()",
                "GRANT SELECT ON t TO PUBLIC")) {
            assertThatThrownBy(() -> runner.execute(mariadb, sql, runner.defaultLimits()))
                    .as(sql)
                    .isInstanceOf(QueryFailedException.class);
        }
        assertThat(count(mariadb, "SELECT @@global.max_connections")).isEqualTo(maxConnections);
        assertThat(count(mariadb, "SELECT count(*) FROM t")).isEqualTo(2);
        assertThat(Files.exists(Path.of("/tmp/datamind-runner-outfile"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/datamind-runner-outfile2"))).isFalse();
    }

    @Test
    void fileDatabasesCannotReachOtherFiles() throws Exception {
        Path attached = sqlite.jdbcUrl().startsWith("jdbc:sqlite:")
                ? Path.of(sqlite.jdbcUrl().substring("jdbc:sqlite:".length())).resolveSibling("attached.db")
                : null;
        for (String sql : List.of(
                "ATTACH DATABASE '" + attached + "' AS x",
                "PRAGMA writable_schema = ON",
                "SELECT load_extension('/tmp/x.so')",
                "SELECT * FROM sqlite_master; DELETE FROM t")) {
            assertThatThrownBy(() -> runner.execute(sqlite, sql, runner.defaultLimits()))
                    .as(sql)
                    .isInstanceOf(QueryFailedException.class);
        }
        assertThat(Files.exists(attached)).isFalse();
        Path copied =
                Path.of(duckdb.jdbcUrl().substring("jdbc:duckdb:".length())).resolveSibling("copy.csv");
        for (String sql : List.of(
                "COPY t TO '" + copied + "'",
                "SELECT * FROM read_csv('/etc/passwd')",
                "SELECT * FROM '/etc/passwd'",
                "ATTACH '" + copied + ".db' AS x",
                "SET enable_external_access = true",
                "INSTALL httpfs")) {
            assertThatThrownBy(() -> runner.execute(duckdb, sql, runner.defaultLimits()))
                    .as(sql)
                    .isInstanceOf(QueryFailedException.class);
        }
        assertThat(Files.exists(copied)).isFalse();
        assertThat(contents(duckdb)).isEqualTo("1:2,3:4");
    }

    /**
     * The table as text. DuckDB is read through the runner: DuckDB lets a process open a file in one configuration
     * only, and the runner holds it read-only.
     */
    private static String contents(DataSourceTarget target) throws SQLException {
        String sql = "SELECT a || ':' || b FROM t ORDER BY a";
        List<List<Object>> rows = target.type() == DatabaseType.DUCKDB
                ? runner.execute(target, sql, runner.defaultLimits()).rows()
                : rows(
                        target,
                        target.type() == DatabaseType.MARIADB ? "SELECT concat(a, ':', b) FROM t ORDER BY a" : sql);
        return String.join(
                ",", rows.stream().map(row -> String.valueOf(row.get(0))).toList());
    }

    @Test
    void lentConnectionsAreReadOnlyToo() throws SQLException {
        for (DataSourceTarget target : List.of(postgres, mariadb, sqlite, duckdb)) {
            List<String> tables = runner.withConnection(target, connection -> {
                assertThat(connection.isReadOnly()).as("%s", target.type()).isTrue();
                List<String> names = new java.util.ArrayList<>();
                try (var rs =
                        connection.getMetaData().getTables(null, null, "t", new String[] {"TABLE", "BASE TABLE"})) {
                    while (rs.next()) {
                        names.add(rs.getString("TABLE_NAME"));
                    }
                }
                assertThatThrownBy(() -> {
                            try (var statement = connection.createStatement()) {
                                statement.execute("INSERT INTO t VALUES (5, 6)");
                            }
                        })
                        .as("%s", target.type())
                        .isInstanceOf(SQLException.class);
                return names;
            });
            assertThat(tables).as("%s", target.type()).contains("t");
            assertThat(contents(target)).isEqualTo("1:2,3:4");
        }
    }

    @Test
    void readOnlyRefusalsSayWhy() {
        QueryFailedException failure = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        postgres, "WITH d AS (DELETE FROM t RETURNING *) SELECT * FROM d", runner.defaultLimits()));
        assertThat(failure.getMessage()).contains("data-modifying");
        QueryFailedException shape = catchThrowableOfType(
                QueryFailedException.class, () -> runner.execute(mariadb, "DELETE FROM t", runner.defaultLimits()));
        assertThat(shape.category()).isEqualTo(QueryFailedException.Category.SYNTAX);
        assertThat(shape.getMessage()).contains("read-only query");
    }
}
