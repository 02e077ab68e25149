package io.datamind.schema;

import io.datamind.query.DatabaseType;
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
 * columns come in one call each; keys need one call per table, which these drivers answer from local metadata (Trino,
 * which has no keys, gets none of those calls). Row estimates come from the server's own catalog where it keeps them
 * ({@link RowEstimates}).
 */
final class MetadataCatalog implements CatalogReader {

    private final DatabaseType type;
    private final RowEstimates rowEstimates;

    MetadataCatalog(DatabaseType type, RowEstimates rowEstimates) {
        this.type = type;
        this.rowEstimates = rowEstimates;
    }

    private static final Set<String> SYSTEM_SCHEMAS =
            Set.of("information_schema", "pg_catalog", "sys", "system", "guest", "db_owner");

    /**
     * Table types of stored tables: the JDBC names, and the ones clickhouse-jdbc 0.10 (jdbc-v2) maps engines to:
     * {@code MEMORY TABLE} (Memory, Buffer, Set), {@code LOG TABLE} (Log, StripeLog, TinyLog), {@code DICTIONARY}
     * and {@code REMOTE TABLE} (Distributed, Remote, S3, MySQL, PostgreSQL, ... but also queues, see {@link
     * #CLICKHOUSE_STREAMS}). Its {@code SYSTEM TABLE} and {@code TEMPORARY TABLE} are left out.
     */
    private static final Set<String> TABLE_TYPES =
            Set.of("TABLE", "BASE TABLE", "MEMORY TABLE", "LOG TABLE", "DICTIONARY", "REMOTE TABLE");

    /**
     * ClickHouse engines that are message queues, not tables: a SELECT consumes the messages it reads (or the
     * server refuses it), so neither a query nor a sample value may touch them.
     */
    private static final Set<String> CLICKHOUSE_STREAMS =
            Set.of("Kafka", "RabbitMQ", "NATS", "FileLog", "S3Queue", "AzureQueue");

    @Override
    public List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String catalog = connection.getCatalog();
        if (type == DatabaseType.TRINO && (catalog == null || catalog.isEmpty())) {
            // The validator requires one; without it every catalog's schemas would mix under one name.
            throw new SQLException("a Trino connection needs a catalog (the database field)");
        }
        TableAssembly tables = new TableAssembly(progress);
        RowEstimates.Known estimates = rowEstimates.read(connection);
        List<String[]> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(catalog, null, "%", null)) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                String name = rs.getString("TABLE_NAME");
                String tableType = String.valueOf(rs.getString("TABLE_TYPE")).toUpperCase(Locale.ROOT);
                if (!wanted(catalog, rs.getString("TABLE_CAT"), schema, name, tableType, estimates)) {
                    continue;
                }
                boolean view = tableType.contains("VIEW");
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
                if (!inCatalog(catalog, rs.getString("TABLE_CAT"))) {
                    continue;
                }
                tables.column(
                        rs.getString("TABLE_SCHEM"),
                        rs.getString("TABLE_NAME"),
                        rs.getString("COLUMN_NAME"),
                        rs.getString("TYPE_NAME"),
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls,
                        rs.getString("REMARKS"));
            }
        }
        if (type == DatabaseType.TRINO) {
            // Trino has no primary or foreign keys: both calls would answer empty, two round trips per table.
            return tables.tables();
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

    /** Whether a {@code getTables} row is a user's table or view that a query may read. */
    private boolean wanted(
            String catalog, String rowCatalog, String schema, String name, String tableType, RowEstimates.Known known) {
        if (!tableType.contains("VIEW") && !TABLE_TYPES.contains(tableType)) {
            return false;
        }
        if (!inCatalog(catalog, rowCatalog)) {
            return false;
        }
        if (schema != null && SYSTEM_SCHEMAS.contains(schema.toLowerCase(Locale.ROOT))) {
            return false;
        }
        if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            return false;
        }
        if (type == DatabaseType.CLICKHOUSE) {
            // A materialized view without TO keeps its rows in a hidden table: the view itself is discovered.
            if (name.startsWith(".inner.") || name.startsWith(".inner_id.")) {
                return false;
            }
            if (tableType.equals("REMOTE TABLE")) {
                // Unknown engine (estimates refused): left out, as it may be a queue.
                String engine = known.engineOf(schema, name);
                return engine != null && !CLICKHOUSE_STREAMS.contains(engine);
            }
        }
        return true;
    }

    /** A driver that ignores the catalog argument must not bring in another catalog's tables or columns. */
    private static boolean inCatalog(String catalog, String rowCatalog) {
        return catalog == null || rowCatalog == null || rowCatalog.isEmpty() || rowCatalog.equals(catalog);
    }
}
