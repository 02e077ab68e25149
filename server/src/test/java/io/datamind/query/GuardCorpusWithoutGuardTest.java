package io.datamind.query;

import static io.datamind.query.RunnerFixtures.exec;
import static io.datamind.query.RunnerFixtures.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared SQL guard corpus sent straight to the runner, with no guard in front: every "reject" case leaves table
 * contents, catalog and server settings of PostgreSQL, MariaDB and SQLite unchanged (the read-only layers hold on
 * their own), and every "accept" case runs.
 */
class GuardCorpusWithoutGuardTest {

    private static final String[] SCHEMA = {
        "CREATE TABLE t (a int, b int)",
        "CREATE TABLE t2 (a int)",
        "CREATE TABLE s (a int)",
        "CREATE TABLE users (id int, name varchar(50), password varchar(50), note varchar(200))",
        "CREATE TABLE employees (id int, dept varchar(20), salary numeric(10, 2))",
        "CREATE TABLE orders (id int, customer_id int, total numeric(10, 2), created_at timestamp)",
        "CREATE TABLE customers (id int, country varchar(20))",
        "CREATE TABLE \"täble_ünïcode\" (x int)",
        "INSERT INTO t VALUES (1, 2), (3, 4)",
        "INSERT INTO t2 VALUES (1)",
        "INSERT INTO s VALUES (1), (3)",
        "INSERT INTO users VALUES (1, 'ann', 'secret', 'hello'), (11, 'bob', 'hunter2', 'test 😀')",
        "INSERT INTO employees VALUES (1, 'sales', 100.00), (2, 'sales', 200.00), (3, 'it', 150.00)",
        "INSERT INTO orders VALUES (1, 1, 10.50, '2024-01-05 10:00:00'), (2, 1, 20.00, '2024-02-05 11:00:00')",
        "INSERT INTO customers VALUES (1, 'NL'), (2, 'DE')",
        "INSERT INTO \"täble_ünïcode\" VALUES (7)"
    };
    private static final List<String> TABLES =
            List.of("t", "t2", "s", "users", "employees", "orders", "customers", "\"täble_ünïcode\"");

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;
    private static DataSourceTarget sqlite;
    private static QueryLimits limits;

    record Case(String id, String dialect, String expect, String sql) {}

    @BeforeAll
    static void setUp() throws Exception {
        runner = RunnerFixtures.runner();
        limits = runner.defaultLimits().withTimeout(Duration.ofSeconds(2));
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_corpus"));
        exec(postgres, SCHEMA);
        exec(postgres, "CREATE SEQUENCE s_seq", "CREATE MATERIALIZED VIEW mv AS SELECT a FROM t");
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_corpus"));
        exec(mariadb, "SET SESSION sql_mode = 'ANSI_QUOTES'");
        exec(
                mariadb,
                java.util.Arrays.stream(SCHEMA)
                        .map(sql -> sql.replace("\"täble_ünïcode\"", "`täble_ünïcode`"))
                        .toArray(String[]::new));
        sqlite = RunnerFixtures.file(DatabaseType.SQLITE, RunnerFixtures.tempFile(".sqlite"));
        exec(sqlite, SCHEMA);
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    private static List<Case> cases() throws Exception {
        Path file = Path.of(System.getProperty("datamind.shared-dir"), "security", "sql-guard-cases.tsv");
        List<Case> cases = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 4);
            cases.add(new Case(parts[0], parts[1], parts[2], parts.length < 4 ? "" : parts[3].replace("\\n", "\n")));
        }
        return cases;
    }

    /**
     * Where a case is sent. A reject case goes to every database: a statement written for one dialect must not find a
     * way to change another (an accept case only has to run where it was written for).
     */
    private static List<DataSourceTarget> targets(Case c) {
        if (c.expect().equals("reject")) {
            return List.of(postgres, mariadb, sqlite);
        }
        return switch (c.dialect()) {
            case "postgresql" -> List.of(postgres);
            case "mysql" -> List.of(mariadb);
            case "sqlite" -> List.of(sqlite);
            default -> List.of(postgres, mariadb, sqlite);
        };
    }

    private static String snapshot(DataSourceTarget target) throws SQLException {
        StringBuilder state = new StringBuilder();
        for (String table : TABLES) {
            String name = target.type() == DatabaseType.MARIADB ? table.replace('"', '`') : table;
            state.append(table)
                    .append('=')
                    .append(rows(target, "SELECT * FROM " + name))
                    .append('\n');
        }
        switch (target.type()) {
            case POSTGRESQL -> {
                state.append(rows(
                        target,
                        "SELECT relname, relkind FROM pg_class WHERE relnamespace = 'public'::regnamespace"
                                + " ORDER BY relname"));
                state.append(rows(target, "SELECT last_value, is_called FROM s_seq"));
                state.append(rows(target, "SELECT count(*) FROM pg_largeobject_metadata"));
                state.append(rows(target, "SELECT rolname FROM pg_roles ORDER BY rolname"));
                state.append(rows(target, "SELECT srvname FROM pg_foreign_server"));
                state.append(rows(target, "SELECT relacl::text FROM pg_class WHERE relname = 't'"));
                state.append(rows(
                        target,
                        "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY proname"));
                state.append(rows(target, "SELECT extname FROM pg_extension ORDER BY extname"));
                state.append(rows(target, "SELECT nspname FROM pg_namespace ORDER BY nspname"));
                state.append(rows(target, "SELECT datname FROM pg_database ORDER BY datname"));
            }
            case MARIADB -> {
                state.append(rows(
                        target,
                        "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"
                                + " ORDER BY table_name"));
                state.append(rows(target, "SELECT @@global.max_connections"));
                state.append(rows(
                        target,
                        "SELECT * FROM information_schema.table_privileges" + " WHERE table_schema = DATABASE()"));
                state.append(rows(target, "SELECT user, host FROM mysql.user ORDER BY user, host"));
                state.append(rows(
                        target,
                        "SELECT routine_schema, routine_name FROM information_schema.routines"
                                + " ORDER BY routine_schema, routine_name"));
                state.append(rows(target, "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"));
                state.append(rows(
                        target,
                        "SELECT grantee, privilege_type FROM information_schema.user_privileges"
                                + " ORDER BY grantee, privilege_type"));
            }
            default -> state.append(rows(target, "SELECT type, name, sql FROM sqlite_master ORDER BY name"));
        }
        return state.toString();
    }

    @Test
    void rejectCasesChangeNothingEvenWithoutTheGuard() throws Exception {
        int sent = 0;
        for (Case c : cases()) {
            if (!c.expect().equals("reject")) {
                continue;
            }
            for (DataSourceTarget target : targets(c)) {
                String before = snapshot(target);
                Throwable thrown = catchThrowable(() -> runner.execute(target, c.sql(), limits));
                assertThat(thrown)
                        .as("%s on %s: %s", c.id(), target.type(), c.sql())
                        .satisfiesAnyOf(
                                t -> assertThat(t).isNull(),
                                t -> assertThat(t).isInstanceOf(QueryFailedException.class));
                assertThat(snapshot(target))
                        .as("%s on %s left the database as it was: %s", c.id(), target.type(), c.sql())
                        .isEqualTo(before);
                sent++;
            }
        }
        assertThat(sent).isEqualTo(3 * 60);
        assertThat(Path.of("/tmp/x")).doesNotExist();
        assertThat(Path.of("/tmp/x.db")).doesNotExist();
        assertThat(Path.of("/tmp/x.so")).doesNotExist();
    }

    @Test
    void acceptCasesRun() throws Exception {
        for (Case c : cases()) {
            if (!c.expect().equals("accept")) {
                continue;
            }
            for (DataSourceTarget target : targets(c)) {
                String sql = target.type() == DatabaseType.MARIADB ? c.sql().replace('"', '`') : c.sql();
                Throwable thrown = catchThrowable(() -> runner.execute(target, sql, limits));
                assertThat(thrown)
                        .as("%s on %s: %s", c.id(), target.type(), sql)
                        .isNull();
            }
        }
    }
}
