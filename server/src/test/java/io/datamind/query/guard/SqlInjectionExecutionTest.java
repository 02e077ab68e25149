package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The statements of {@link SqlInjectionFuzzTest} (every Intruder payload in a string literal and in a numeric
 * position) sent for real to {@code POST /api/v1/query} on a PostgreSQL connection: each is refused or runs, as a
 * 200 or a 400 problem, never a 500 or another failure; and afterwards the database is as it was: the contents of
 * its tables, its relations, schemas, functions, large objects and extensions, and the server's roles.
 */
@IntegrationTest
class SqlInjectionExecutionTest {

    private static final List<String> TABLES = List.of("customers", "users", "orders");
    /**
     * Other tests on this shared server create and drop {@code dm_*} roles while this one runs; no payload can make
     * a role of that name (checked below), so leaving them out of the comparison hides nothing a payload did.
     */
    private static final String OTHER_TESTS_ROLES = "dm_";

    @LocalServerPort
    int port;

    @Test
    void everyInjectedStatementIsRefusedOrRunsWithoutChangingAnything() throws IOException, SQLException {
        String database = TestServices.createPostgresDatabase("sqli");
        createCanary(database);
        HttpApi api = new HttpApi(port);
        String token = TestAccounts.token(api, TestAccounts.registerOwner(api)).accessToken();
        String connection = TestConnections.createPostgres(api, token, "Canary", database);
        TestConnections.awaitSchema(api, token, connection);
        List<String> payloads = payloads();
        assertThat(payloads.stream().noneMatch(p -> p.toLowerCase().contains(OTHER_TESTS_ROLES)))
                .as("no payload names a %s role", OTHER_TESTS_ROLES)
                .isTrue();
        Map<String, String> before = state(database);

        SoftAssertions softly = new SoftAssertions();
        Map<Integer, Integer> statuses = new TreeMap<>();
        long started = System.nanoTime();
        for (String payload : payloads) {
            for (String sql : SqlInjectionFuzzTest.injected(payload)) {
                HttpApi.Response response = api.request("POST", "/api/v1/query")
                        .bearer(token)
                        .json(Map.of("connectionId", connection, "sql", sql, "limit", 10))
                        .send();
                statuses.merge(response.status(), 1, Integer::sum);
                softly.assertThat(response.status())
                        .as("%s -> %s", sql, response)
                        .isIn(200, 400);
                if (response.status() == 400) {
                    softly.assertThat(response.header("Content-Type"))
                            .as("%s -> %s", sql, response)
                            .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
                }
            }
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        System.out.printf(
                "SQL injection through the API: %d payloads, %d statements in %d s, statuses %s%n",
                payloads.size(), payloads.size() * 2, seconds, statuses);
        softly.assertAll();

        assertThat(statuses.get(200)).as("some statements ran for real").isPositive();
        assertThat(state(database)).as("the database after every statement").isEqualTo(before);
        HttpApi.Response count = api.request("POST", "/api/v1/query")
                .bearer(token)
                .json(Map.of("connectionId", connection, "sql", "SELECT count(*) FROM customers"))
                .send();
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        assertThat(count.json().get("rows").get(0).get(0).asLong()).isEqualTo(3);
    }

    /** A few rows in the tables the payloads aim at; their contents are the canary. */
    private static void createCanary(String database) throws SQLException {
        try (Connection connection = connect(database);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE customers (id integer PRIMARY KEY, name text NOT NULL, email text)");
            statement.execute("INSERT INTO customers VALUES (1, 'Ada', 'ada@example.com'),"
                    + " (2, 'Grace', 'grace@example.com'), (3, 'admin', 'root@example.com')");
            statement.execute(
                    "CREATE TABLE users (id integer PRIMARY KEY, username text NOT NULL, password text NOT NULL)");
            statement.execute("INSERT INTO users VALUES (1, 'admin', 'canary-secret'), (2, 'guest', 'guest')");
            statement.execute("CREATE TABLE orders (id integer PRIMARY KEY,"
                    + " customer_id integer REFERENCES customers (id), total numeric(10, 2))");
            statement.execute("INSERT INTO orders VALUES (1, 1, 10.50), (2, 2, 99.99)");
        }
    }

    /** Everything a statement could have changed, as comparable text. */
    private static Map<String, String> state(String database) throws SQLException {
        Map<String, String> state = new TreeMap<>();
        try (Connection connection = connect(database)) {
            for (String table : TABLES) {
                state.put("table " + table, rows(connection, "SELECT * FROM " + table + " ORDER BY id"));
            }
            state.put(
                    "relations",
                    rows(
                            connection,
                            "SELECT n.nspname, c.relname, c.relkind, c.relowner::regrole FROM pg_class c"
                                    + " JOIN pg_namespace n ON n.oid = c.relnamespace ORDER BY 1, 2"));
            state.put("schemas", rows(connection, "SELECT nspname, nspowner::regrole FROM pg_namespace ORDER BY 1"));
            state.put(
                    "functions",
                    rows(
                            connection,
                            "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) FROM pg_proc p"
                                    + " JOIN pg_namespace n ON n.oid = p.pronamespace"
                                    + " WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3"));
            state.put("large objects", rows(connection, "SELECT count(*) FROM pg_largeobject_metadata"));
            state.put("extensions", rows(connection, "SELECT extname, extversion FROM pg_extension ORDER BY 1"));
            state.put(
                    "privileges",
                    rows(
                            connection,
                            "SELECT relname, relacl FROM pg_class WHERE relname IN"
                                    + " ('customers', 'users', 'orders') ORDER BY 1"));
            state.put(
                    "roles",
                    rows(
                            connection,
                            "SELECT rolname, rolsuper, rolcanlogin, rolcreaterole, rolcreatedb FROM pg_roles"
                                    + " WHERE rolname NOT LIKE '" + OTHER_TESTS_ROLES + "%' ORDER BY 1"));
        }
        return state;
    }

    private static String rows(Connection connection, String sql) throws SQLException {
        StringBuilder text = new StringBuilder();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            int columns = rows.getMetaData().getColumnCount();
            while (rows.next()) {
                for (int i = 1; i <= columns; i++) {
                    text.append(rows.getString(i)).append(i == columns ? '\n' : '|');
                }
            }
        }
        return text.toString();
    }

    private static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
    }

    private static List<String> payloads() throws IOException {
        List<String> payloads = new ArrayList<>();
        try (Stream<Path> files = Files.list(SqlInjectionFuzzTest.PAYLOADS)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                payloads.addAll(SqlInjectionFuzzTest.lines(file));
            }
        }
        assertThat(payloads).hasSizeGreaterThan(1000);
        return payloads;
    }
}
