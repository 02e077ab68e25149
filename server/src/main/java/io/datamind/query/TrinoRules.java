package io.datamind.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * Trino: the driver's read-only flag and transactions, and its one {@code timeout} (connect, read and write of each
 * HTTP request, and how long failed requests are retried). A query is a series of short polls, each answered within
 * about a second, so this bounds an unreachable or stalled coordinator without limiting how long a query runs.
 */
final class TrinoRules extends VendorRules {

    static final TrinoRules INSTANCE = new TrinoRules();

    static final String TIMEOUT = "timeout";

    /**
     * Best effort: the table privileges of the connection's catalog, as far as its connector keeps them (Hive with
     * SQL-standard security, Iceberg, ...). Connectors without privileges answer nothing or fail, and access control
     * configured in Trino itself (file or OPA rules) is not visible at all, so no warning proves a read-only user.
     */
    static final String WRITE_PRIVILEGES_SQL = """
            SELECT DISTINCT privilege_type, table_schema
            FROM information_schema.table_privileges
            WHERE grantee = CURRENT_USER
              AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'OWNERSHIP')
              AND table_schema <> 'information_schema'
            ORDER BY table_schema, privilege_type""";

    private TrinoRules() {}

    @Override
    Set<String> ownedProperties() {
        return Set.of(TIMEOUT);
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty(TIMEOUT, seconds(config.connectTimeout()) + "s");
    }

    @Override
    List<String> writeCapabilities(Connection connection) throws SQLException {
        Set<String> found = new LinkedHashSet<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(WRITE_PRIVILEGES_SQL)) {
            while (rs.next()) {
                found.add(writeCapability(rs.getString(1), rs.getString(2)));
            }
        }
        return capped(found);
    }

    /** One row of {@link #WRITE_PRIVILEGES_SQL} as "INSERT in schema web" (per schema: tables can be thousands). */
    static String writeCapability(String privilege, String schema) {
        return privilege + " in schema " + schema;
    }
}
