package io.datamind.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;

/**
 * SQL Server: no live server to test against here, so only what its driver documents is relied on (read-only flag,
 * transactions, {@code applicationIntent=ReadOnly}, JDBC query timeout and cancel). A read-only database user
 * matters most here, and the connection test says so.
 */
final class SqlServerRules extends VendorRules {

    static final SqlServerRules INSTANCE = new SqlServerRules();

    /**
     * The user's effective write permissions, on the database (direct, through db_owner, db_datawriter or CONTROL)
     * and then on single tables; {@code HAS_PERMS_BY_NAME} resolves roles and implied permissions on the server.
     */
    static final String WRITE_PERMISSIONS_SQL = """
            SELECT p.permission_name, 'database' AS on_object
            FROM (VALUES ('CONTROL'), ('ALTER'), ('INSERT'), ('UPDATE'), ('DELETE'), ('CREATE TABLE')) AS p (permission_name)
            WHERE HAS_PERMS_BY_NAME(DB_NAME(), 'DATABASE', p.permission_name) = 1
            UNION ALL
            SELECT t.permission_name, t.on_object
            FROM (
                SELECT TOP (20) p.permission_name, SCHEMA_NAME(o.schema_id) + '.' + o.name AS on_object
                FROM sys.tables AS o
                CROSS JOIN (VALUES ('INSERT'), ('UPDATE'), ('DELETE')) AS p (permission_name)
                WHERE HAS_PERMS_BY_NAME(QUOTENAME(SCHEMA_NAME(o.schema_id)) + '.' + QUOTENAME(o.name), 'OBJECT',
                        p.permission_name) = 1
            ) AS t""";

    private SqlServerRules() {}

    @Override
    Set<String> ownedProperties() {
        return Set.of();
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty("loginTimeout", Long.toString(seconds(config.connectTimeout())));
        properties.setProperty("applicationIntent", "ReadOnly");
    }

    @Override
    List<String> writeCapabilities(Connection connection) throws SQLException {
        List<String[]> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(WRITE_PERMISSIONS_SQL)) {
            while (rs.next()) {
                rows.add(new String[] {rs.getString(1), rs.getString(2)});
            }
        }
        return writeCapabilities(rows);
    }

    /**
     * Rows of {@link #WRITE_PERMISSIONS_SQL} as "INSERT on database", "DELETE on dbo.orders". A permission held on
     * the database is not repeated for each table it covers.
     */
    static List<String> writeCapabilities(List<String[]> rows) {
        Set<String> onDatabase = new LinkedHashSet<>();
        Set<String> found = new LinkedHashSet<>();
        for (String[] row : rows) {
            if ("database".equals(row[1])) {
                onDatabase.add(row[0]);
                found.add(row[0] + " on database");
            }
        }
        for (String[] row : rows) {
            if (!"database".equals(row[1]) && !onDatabase.contains(row[0]) && !onDatabase.contains("CONTROL")) {
                found.add(row[0] + " on " + row[1]);
            }
        }
        return capped(found);
    }
}
