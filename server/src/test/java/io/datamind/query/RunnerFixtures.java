package io.datamind.query;

import io.datamind.support.TestServices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.springframework.util.unit.DataSize;

/** Real databases for runner tests, and direct (admin) connections to look at them from outside the runner. */
final class RunnerFixtures {

    static final UUID ORG = UUID.randomUUID();

    private RunnerFixtures() {}

    static QueryProperties properties(Duration idleTimeout, Duration connectTimeout, int poolSize, int maxPools) {
        return new QueryProperties(
                10_000,
                1_000_000,
                DataSize.ofMegabytes(64),
                Duration.ofSeconds(30),
                Duration.ofSeconds(300),
                poolSize,
                idleTimeout,
                connectTimeout,
                maxPools);
    }

    static PooledQueryRunner runner() {
        return new PooledQueryRunner(properties(Duration.ofMinutes(10), Duration.ofSeconds(2), 3, 50));
    }

    /**
     * A target as the datasource module builds it, for tests of what the runner makes of one: the caller's URL,
     * login and properties, and the checked address to pin sockets to (null when the URL holds it).
     */
    static DataSourceTarget target(
            DatabaseType type,
            String url,
            String user,
            String password,
            Map<String, String> properties,
            String pinnedAddress) {
        return new DataSourceTarget(
                UUID.randomUUID(),
                UUID.randomUUID(),
                type,
                url,
                user,
                password,
                properties,
                "fingerprint",
                pinnedAddress);
    }

    static DataSourceTarget postgres(String database) {
        return postgres(database, TestServices.PG_USER, Map.of());
    }

    static DataSourceTarget postgres(String database, String user, Map<String, String> properties) {
        String url = TestServices.postgresUrl(database);
        return new DataSourceTarget(
                UUID.randomUUID(),
                ORG,
                DatabaseType.POSTGRESQL,
                url,
                user,
                "",
                properties,
                Integer.toHexString((url + user + properties).hashCode()),
                null);
    }

    static DataSourceTarget mariadb(String database) {
        return mariadb(database, TestServices.MARIADB_USER, "");
    }

    static DataSourceTarget mariadb(String database, String user, String password) {
        String url = TestServices.mariadbUrl(database);
        return new DataSourceTarget(
                UUID.randomUUID(),
                ORG,
                DatabaseType.MARIADB,
                url,
                user,
                password,
                Map.of(),
                Integer.toHexString((url + user + password).hashCode()),
                null);
    }

    static DataSourceTarget file(DatabaseType type, Path file) {
        String url = (type == DatabaseType.SQLITE ? "jdbc:sqlite:" : "jdbc:duckdb:") + file.toAbsolutePath();
        return new DataSourceTarget(
                UUID.randomUUID(), ORG, type, url, null, null, Map.of(), Integer.toHexString(url.hashCode()), null);
    }

    static Path tempFile(String suffix) throws IOException {
        Path dir = Files.createTempDirectory("datamind-runner");
        return dir.resolve("data" + suffix);
    }

    static Connection admin(DataSourceTarget target) throws SQLException {
        return switch (target.type()) {
            case POSTGRESQL -> DriverManager.getConnection(target.jdbcUrl(), TestServices.PG_USER, "");
            case MARIADB, MYSQL -> DriverManager.getConnection(target.jdbcUrl(), TestServices.MARIADB_USER, "");
            default -> DriverManager.getConnection(target.jdbcUrl());
        };
    }

    static void exec(DataSourceTarget target, String... statements) throws SQLException {
        try (Connection connection = admin(target);
                Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    static List<List<Object>> rows(DataSourceTarget target, String sql) throws SQLException {
        try (Connection connection = admin(target);
                Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            List<List<Object>> rows = new ArrayList<>();
            int width = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(rs.getObject(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    static long count(DataSourceTarget target, String sql) throws SQLException {
        return ((Number) rows(target, sql).get(0).get(0)).longValue();
    }

    /** Waits until the condition holds, up to the limit; returns whether it did. */
    static boolean eventually(Duration limit, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(100);
        }
        return condition.getAsBoolean();
    }

    interface SqlCheck {
        boolean check() throws SQLException;
    }

    static BooleanSupplier sql(SqlCheck check) {
        return () -> {
            try {
                return check.check();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        };
    }
}
