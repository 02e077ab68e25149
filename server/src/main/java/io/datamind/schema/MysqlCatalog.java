package io.datamind.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** MySQL and MariaDB: three information_schema queries over the connection's database. */
final class MysqlCatalog implements CatalogReader {

    private static final String TABLES = "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, TABLE_COMMENT, TABLE_ROWS"
            + " FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME";

    private static final String COLUMNS =
            "SELECT TABLE_SCHEMA, TABLE_NAME, COLUMN_NAME, COLUMN_TYPE, IS_NULLABLE, COLUMN_COMMENT"
                    + " FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE()"
                    + " ORDER BY TABLE_NAME, ORDINAL_POSITION";

    private static final String KEYS = "SELECT TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, COLUMN_NAME,"
            + " REFERENCED_TABLE_SCHEMA, REFERENCED_TABLE_NAME, REFERENCED_COLUMN_NAME"
            + " FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = DATABASE()"
            + " AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL)"
            + " ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION";

    @Override
    public List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException {
        TableAssembly tables = new TableAssembly(progress);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(TABLES)) {
                while (rs.next()) {
                    boolean view = rs.getString(3).contains("VIEW");
                    long rows = rs.getLong(5);
                    tables.table(
                            rs.getString(1),
                            rs.getString(2),
                            view ? "VIEW" : "TABLE",
                            view ? null : rs.getString(4),
                            view || rs.wasNull() ? null : rows);
                }
            }
            try (ResultSet rs = statement.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    tables.column(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            "YES".equals(rs.getString(5)),
                            rs.getString(6));
                }
            }
            progress.start(SyncProgress.KEYS, null);
            try (ResultSet rs = statement.executeQuery(KEYS)) {
                while (rs.next()) {
                    if ("PRIMARY".equals(rs.getString(3))) {
                        tables.primaryKeyColumn(rs.getString(1), rs.getString(2), rs.getString(4));
                    } else {
                        tables.foreignKeyColumn(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7));
                    }
                }
            }
        }
        return tables.tables();
    }
}
