package io.datamind.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** DuckDB: four queries over its duckdb_* catalog functions, for the connection's own database. */
final class DuckDbCatalog implements CatalogReader {

    private static final String TABLES = "SELECT schema_name, table_name, 'TABLE' AS kind, comment, estimated_size"
            + " FROM duckdb_tables() WHERE database_name = current_database() AND NOT internal AND NOT temporary"
            + " ORDER BY schema_name, table_name";

    private static final String VIEWS = "SELECT schema_name, view_name, comment FROM duckdb_views()"
            + " WHERE database_name = current_database() AND NOT internal AND NOT temporary"
            + " ORDER BY schema_name, view_name";

    private static final String COLUMNS =
            "SELECT schema_name, table_name, column_name, data_type, is_nullable, comment FROM duckdb_columns()"
                    + " WHERE database_name = current_database() ORDER BY schema_name, table_name, column_index";

    // unnest of two lists in one SELECT pairs them element by element.
    private static final String KEYS = "SELECT schema_name, table_name, constraint_type, constraint_index,"
            + " unnest(constraint_column_names) AS col, unnest(referenced_column_names) AS ref_col, referenced_table"
            + " FROM duckdb_constraints() WHERE database_name = current_database()"
            + " AND constraint_type IN ('PRIMARY KEY', 'FOREIGN KEY')";

    @Override
    public List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException {
        TableAssembly tables = new TableAssembly(progress);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(TABLES)) {
                while (rs.next()) {
                    long estimate = rs.getLong(5);
                    // A file opened read-only reports 0 for tables it has not loaded yet: unknown, not empty.
                    tables.table(
                            rs.getString(1), rs.getString(2), "TABLE", rs.getString(4), estimate > 0 ? estimate : null);
                }
            }
            try (ResultSet rs = statement.executeQuery(VIEWS)) {
                while (rs.next()) {
                    tables.table(rs.getString(1), rs.getString(2), "VIEW", rs.getString(3), null);
                }
            }
            try (ResultSet rs = statement.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    tables.column(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getBoolean(5),
                            rs.getString(6));
                }
            }
            progress.start(SyncProgress.KEYS, null);
            try (ResultSet rs = statement.executeQuery(KEYS)) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = rs.getString(2);
                    if (rs.getString(3).equals("PRIMARY KEY")) {
                        tables.primaryKeyColumn(schema, table, rs.getString(5));
                    } else {
                        tables.foreignKeyColumn(
                                schema,
                                table,
                                "fk" + rs.getLong(4),
                                null,
                                rs.getString(5),
                                schema,
                                rs.getString(7),
                                rs.getString(6));
                    }
                }
            }
        }
        return tables.tables();
    }
}
