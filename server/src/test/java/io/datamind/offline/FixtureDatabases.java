package io.datamind.offline;

import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Fresh databases for the engine tests' fixtures, one per call, in each dialect the engine writes SQL for. */
final class FixtureDatabases {

    private FixtureDatabases() {}

    /**
     * A connection to a new database of the dialect, named after {@code name} where the server keeps several, with
     * the statements run in it.
     */
    static Connection open(OfflineDialect dialect, String name, List<String> statements) throws SQLException {
        Connection c = switch (dialect) {
            case SQLITE -> DriverManager.getConnection("jdbc:sqlite::memory:");
            case DUCKDB -> DriverManager.getConnection("jdbc:duckdb:");
            case POSTGRESQL ->
                DriverManager.getConnection(
                        TestServices.postgresUrl(TestServices.createPostgresDatabase(name)), TestServices.PG_USER, "");
            case MYSQL, MARIADB ->
                DriverManager.getConnection(
                        TestServices.mariadbUrl(TestServices.createMariadbDatabase(name)),
                        TestServices.MARIADB_USER,
                        "");
        };
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
        return c;
    }
}
