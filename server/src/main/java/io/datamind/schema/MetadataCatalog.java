package io.datamind.schema;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;

/**
 * Any other database (SQLite, ClickHouse, Trino, SQL Server): the driver's {@link DatabaseMetaData}. Tables and
 * columns come in one call each; keys need one call per table, which these drivers answer from local metadata. Row
 * estimates come from the server's own catalog where it keeps them ({@link RowEstimates}).
 */
final class MetadataCatalog implements CatalogReader {

    private final RowEstimates rowEstimates;

    MetadataCatalog(RowEstimates rowEstimates) {
        this.rowEstimates = rowEstimates;
    }

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("information_schema", "pg_catalog", "sys", "system", "guest", "db_owner");

    /**
     * Table types of stored tables: the JDBC names, and ClickHouse's for the Memory/Buffer and Log engine families
     * (its remote, dictionary, system and temporary types are left out).
     */
    private static final Set<String> TABLE_TYPES = Set.of("TABLE", "BASE TABLE", "MEMORY TABLE", "LOG TABLE");

    @Override
    public List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        TableAssembly tables = new TableAssembly(progress);
        RowEstimates.Known estimates = rowEstimates.read(connection);
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                String type = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                boolean view = type.contains("VIEW");
                boolean table = TABLE_TYPES.contains(type);
                if ((!view && !table)
                        || (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT)))
                        || name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
                    continue;
                }
                tables.table(
                        schema,
                        name,
                        view ? "VIEW" : "TABLE",
                        rs.getString("REMARKS"),
                        view ? null : estimates.of(schema, name));
                names.add(new String[] {schema, name});
            }
        }
        try (ResultSet rs = meta.getColumns(catalog, null, "%", "%")) {
            while (rs.next()) {
                tables.column(
                        rs.getString("TABLE_SCHEM"),
                        rs.getString("TABLE_NAME"),
                        rs.getString("COLUMN_NAME"),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("REMARKS"));
            }
        }
        progress.start(SyncProgress.KEYS, names.size());
        for (String[] table : names) {
            TreeMap<Integer, String> key = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(catalog, table[0], table[1])) {
                while (rs.next()) {
                    key.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            key.values().forEach(column -> tables.primaryKeyColumn(table[0], table[1], column));
            List<String[]> pairs = new ArrayList<>();
            try (ResultSet rs = meta.getImportedKeys(catalog, table[0], table[1])) {
                int group = 0;
                while (rs.next()) {
                    if (rs.getInt("KEY_SEQ") == 1) {
                        group++;
                    }
                    String name = rs.getString("FK_NAME");
                    pairs.add(new String[] {
                        (name == null || name.isEmpty() ? "" : name) + "#" + group,
                        name == null || name.isEmpty() ? null : name,
                        rs.getString("FKCOLUMN_NAME"),
                        rs.getString("PKTABLE_SCHEM"),
                        rs.getString("PKTABLE_NAME"),
                        rs.getString("PKCOLUMN_NAME")
                    });
                }
            }
            for (String[] p : pairs) {
                tables.foreignKeyColumn(table[0], table[1], p[0], p[1], p[2], p[3], p[4], p[5]);
            }
            progress.advance();
        }
        return tables.tables();
    }
}
