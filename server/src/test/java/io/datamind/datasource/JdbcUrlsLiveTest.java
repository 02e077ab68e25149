package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built URLs and properties work with the real drivers and servers of this machine, and the file sources really
 * are read-only. (The query runner adds its own read-only layers on top; these prove the connection's own.)
 */
class JdbcUrlsLiveTest {

    @TempDir
    Path temp;

    private Path root;
    private ConnectionDetailsValidator validator;

    @BeforeEach
    void setUp() throws Exception {
        root = Files.createDirectories(temp.resolve("files"));
        validator = new ConnectionDetailsValidator(true, root, HostResolver.SYSTEM);
    }

    @Test
    void postgresqlThroughTheCheckedAddress() throws Exception {
        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "postgresql",
                TestServices.PG_HOST,
                Integer.valueOf(TestServices.PG_PORT),
                "test",
                TestServices.PG_USER,
                null,
                "prefer",
                java.util.Map.of("connectTimeout", "5"),
                null)));
        try (Connection connection = DriverManager.getConnection(spec.url(), spec.properties());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT current_setting('application_name'), 1")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("DataMind");
        }
    }

    @Test
    void aHostNameIsPinnedToItsAddressInTheUrl() throws Exception {
        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "postgresql",
                "localhost",
                Integer.valueOf(TestServices.PG_PORT),
                "test",
                TestServices.PG_USER,
                null,
                null,
                null,
                null)));
        assertThat(spec.url()).doesNotContain("localhost");
        // Works when the server listens on the address localhost resolved to first (IPv4 by default in Java).
        if (spec.url().contains("127.0.0.1")) {
            try (Connection connection = DriverManager.getConnection(spec.url(), spec.properties())) {
                assertThat(connection.isValid(5)).isTrue();
            }
        }
    }

    @Test
    void mariadbWithLocalInfileAndRedirectsOff() throws Exception {
        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(new ConnectionDetails(
                null,
                "mariadb",
                TestServices.MARIADB_HOST,
                Integer.valueOf(TestServices.MARIADB_PORT),
                "test",
                TestServices.MARIADB_USER,
                null,
                null,
                java.util.Map.of("connectTimeout", "5000"),
                null)));
        try (Connection connection = DriverManager.getConnection(spec.url(), spec.properties());
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery("SELECT DATABASE()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("test");
            // allowMultiQueries=false: a second statement is not run.
            assertThatThrownBy(() -> statement.execute("SELECT 1; SELECT 2")).isInstanceOf(SQLException.class);
        }
    }

    @Test
    void sqliteIsOpenedReadOnly() throws Exception {
        Path file = root.resolve("shop.sqlite");
        try (Connection setup = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, name TEXT)");
            statement.execute("INSERT INTO item VALUES (1, 'pen')");
        }
        byte[] before = Files.readAllBytes(file);

        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(
                new ConnectionDetails(null, "sqlite", null, null, null, null, null, null, null, "shop.sqlite")));
        try (Connection connection = DriverManager.getConnection(spec.url(), spec.properties())) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT name FROM item")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("pen");
            }
            assertFails(connection, "INSERT INTO item VALUES (2, 'ink')", "readonly");
            assertFails(connection, "CREATE TABLE other (x INT)", "readonly");
        }
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        // A file removed between the check and the open is not silently created empty.
        Files.delete(file);
        assertThatThrownBy(() -> DriverManager.getConnection(spec.url(), spec.properties()))
                .isInstanceOf(SQLException.class);
        assertThat(Files.exists(file)).isFalse();
    }

    @Test
    void duckdbIsOpenedReadOnlyWithoutFileOrNetworkAccess() throws Exception {
        Path file = root.resolve("sales.duckdb");
        try (Connection setup = DriverManager.getConnection("jdbc:duckdb:" + file);
                Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE sale (id INTEGER, amount DECIMAL(10, 2))");
            statement.execute("INSERT INTO sale VALUES (1, 9.99)");
        }
        Path outside = Files.writeString(temp.resolve("outside.csv"), "a,b\n1,2\n");

        JdbcConnectionSpec spec = JdbcUrls.build(validator.validateForTest(
                new ConnectionDetails(null, "duckdb", null, null, null, null, null, null, null, "sales.duckdb")));
        try (Connection connection = DriverManager.getConnection(spec.url(), spec.properties())) {
            try (Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery("SELECT count(*), sum(amount) FROM sale")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
            // One statement per attempt: DuckDB closes a statement after an error.
            assertFails(connection, "INSERT INTO sale VALUES (2, 1.00)", "read-only mode");
            assertFails(connection, "SELECT * FROM read_csv('" + outside + "')", "file system operations are disabled");
            assertFails(
                    connection,
                    "ATTACH '" + temp.resolve("new.duckdb") + "' AS other",
                    "file system operations are disabled");
            assertFails(connection, "INSTALL httpfs", "file system operations are disabled");
            assertFails(connection, "SET enable_external_access = true", "configuration has been locked");
        }
        assertThat(Files.exists(temp.resolve("new.duckdb"))).isFalse();
    }

    private static void assertFails(Connection connection, String sql, String reason) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            assertThatThrownBy(() -> statement.execute(sql))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining(reason);
        }
    }
}
