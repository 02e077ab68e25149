package io.datamind.query;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * SQLite: the file is opened read-only by the library (not just flagged), no other database may be attached, and
 * extensions cannot be loaded. Time limits come from the JDBC cancel, which interrupts the engine.
 */
final class SqliteRules extends VendorRules {

    static final SqliteRules INSTANCE = new SqliteRules();

    private static final Set<String> OWNED = Set.of(
            "open_mode",
            "enable_load_extension",
            "limit_attached",
            "jdbc.explicit_readonly",
            "busy_timeout",
            "transaction_mode",
            "query_only",
            "shared_cache");

    private SqliteRules() {}

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(true);
        sqlite.enableLoadExtension(false);
        sqlite.setBusyTimeout(
                (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()));
        properties.putAll(sqlite.toProperties());
        properties.setProperty("limit_attached", "0");
    }

    @Override
    void setUpSession(Connection connection, QueryProperties config) throws SQLException {
        execute(connection, "PRAGMA query_only = ON");
    }

    @Override
    boolean transactional() {
        return false;
    }
}
