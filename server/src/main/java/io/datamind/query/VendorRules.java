package io.datamind.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * What the runner does differently for each kind of database: the driver settings it forces, how a session is made
 * read-only, how the time limit reaches the server, how rows are fetched, and how to tell whether the user can write.
 */
abstract class VendorRules {

    static final int MAX_CAPABILITIES = 10;

    static VendorRules of(DatabaseType type) {
        return switch (type) {
            case POSTGRESQL -> PostgresRules.INSTANCE;
            case MYSQL -> MysqlRules.MYSQL;
            case MARIADB -> MysqlRules.MARIADB;
            case SQLITE -> SqliteRules.INSTANCE;
            case DUCKDB -> DuckDbRules.INSTANCE;
            case CLICKHOUSE -> ClickHouseRules.INSTANCE;
            case TRINO -> TrinoRules.INSTANCE;
            case SQLSERVER -> SqlServerRules.INSTANCE;
        };
    }

    /**
     * Driver properties the runner owns: removed from the caller's properties (in any letter case) before the
     * runner's own values are put in. The datasource module allowlists properties; this is the second layer.
     */
    abstract Set<String> ownedProperties();

    /** Puts in the runner's own driver properties, after the caller's were added. */
    abstract void enforce(Properties properties, QueryProperties config);

    /**
     * Makes the driver connect to {@code address} ({@code ip:port}) whatever host its URL names, through DataMind's own
     * socket factory. Only the drivers with such a hook (pgjdbc, MariaDB) take one; the others refuse.
     */
    void pin(Properties properties, String address) {
        throw new QueryFailedException(
                QueryFailedException.Category.CONNECTION, "This database type cannot be pinned to a checked address");
    }

    /** Run once on every new connection, still in auto-commit mode: session-wide read-only and time ceiling. */
    void setUpSession(Connection connection, QueryProperties config) throws SQLException {}

    /** Queries run with auto-commit off, in a transaction rolled back at the end. */
    boolean transactional() {
        return true;
    }

    /** Whether {@link Connection#setReadOnly(boolean)} is safe to call on this driver. */
    boolean supportsReadOnlyFlag() {
        return true;
    }

    /** Per-query session settings, such as the server-side time limit. */
    void beforeQuery(Connection connection, Duration timeout) throws SQLException {}

    /** Starts the statement and returns its rows chunk by chunk. */
    Cursor open(Connection connection, String sql, int rowsWanted, RunningQuery query) throws SQLException {
        return PlainCursor.open(connection, sql, rowsWanted, query);
    }

    /** Characters placed before the caller's SQL in what the database sees, for error positions. */
    int sqlOffset() {
        return 0;
    }

    /** Ways the connected user can change data, described for a warning; empty when it looks read-only. */
    List<String> writeCapabilities(Connection connection) throws SQLException {
        return List.of();
    }

    /** At most {@value #MAX_CAPABILITIES} capabilities, so a warning stays a sentence; the rest are counted. */
    static List<String> capped(Collection<String> capabilities) {
        List<String> list = new ArrayList<>(capabilities);
        if (list.size() <= MAX_CAPABILITIES) {
            return list;
        }
        List<String> shown = new ArrayList<>(list.subList(0, MAX_CAPABILITIES));
        shown.add((list.size() - MAX_CAPABILITIES) + " more");
        return shown;
    }

    /** Removes the owned keys from the caller's properties. */
    final void removeOwned(Properties properties) {
        Set<String> owned = ownedProperties();
        properties.stringPropertyNames().forEach(key -> {
            if (owned.contains(key.strip().toLowerCase(Locale.ROOT))) {
                properties.remove(key);
            }
        });
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }

    /** Rows of a running statement, one result set per chunk. */
    interface Cursor extends AutoCloseable {

        /**
         * The next chunk of rows, or {@code null} when there are no more.
         *
         * @param rowsInPrevious rows read from the previous chunk, or -1 before the first
         */
        java.sql.ResultSet next(int rowsInPrevious) throws SQLException;

        /** The caller stops reading before the end: make the database stop producing rows. */
        default void abandon() {}

        @Override
        void close() throws SQLException;
    }
}
