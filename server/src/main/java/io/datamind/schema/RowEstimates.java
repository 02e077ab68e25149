package io.datamind.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Row counts the server already keeps, for the types read through {@link java.sql.DatabaseMetaData}: one catalog
 * query for all tables, never a {@code count(*)}. SQLite and Trino keep none that is cheap to read: their tables
 * stay unknown, and {@link SampleValues} reads a bounded prefix of those. ClickHouse's query also names each table's
 * engine, which its driver folds into a few table types ({@link MetadataCatalog} needs it to tell a Distributed table
 * from a Kafka queue, both {@code REMOTE TABLE}).
 */
final class RowEstimates {

    /** Rows in the heap or clustered index (index 0 or 1) of each table, summed over partitions. */
    static final String SQLSERVER_SQL = """
            SELECT SCHEMA_NAME(t.schema_id) AS table_schema, t.name AS table_name, SUM(p.rows) AS row_estimate
            FROM sys.tables AS t
            JOIN sys.partitions AS p ON p.object_id = t.object_id AND p.index_id IN (0, 1)
            GROUP BY t.schema_id, t.name""";

    /** MergeTree tables know their row count; other engines answer NULL (unknown). */
    static final String CLICKHOUSE_SQL = """
            SELECT database, name, total_rows, engine
            FROM system.tables
            WHERE database NOT IN ('system', 'information_schema', 'INFORMATION_SCHEMA')""";

    static final RowEstimates NONE = new RowEstimates(null, false);
    static final RowEstimates SQLSERVER = new RowEstimates(SQLSERVER_SQL, false);
    static final RowEstimates CLICKHOUSE = new RowEstimates(CLICKHOUSE_SQL, true);

    private final String sql;
    private final boolean withEngines;

    private RowEstimates(String sql, boolean withEngines) {
        this.sql = sql;
        this.withEngines = withEngines;
    }

    /** The estimates by schema and table name; empty when the type keeps none or the user may not read them. */
    Known read(Connection connection) {
        Known known = new Known();
        if (sql == null) {
            return known;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                long rows = rs.getLong(3);
                if (!rs.wasNull()) {
                    known.put(rs.getString(1), rs.getString(2), rows);
                }
                if (withEngines) {
                    known.engine(rs.getString(1), rs.getString(2), rs.getString(4));
                }
            }
        } catch (SQLException e) {
            // Advice for sampling only: without estimates every table is sampled from a bounded prefix.
            return new Known();
        }
        return known;
    }

    /** Estimates found, looked up as the driver's metadata names the table. */
    static final class Known {

        private final Map<List<String>, Long> bySchema = new HashMap<>();
        private final Map<String, Long> byName = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();
        private final Map<List<String>, String> engines = new HashMap<>();

        void put(String schema, String table, long rows) {
            bySchema.put(List.of(String.valueOf(schema), table), rows);
            if (byName.put(table, rows) != null) {
                ambiguous.add(table);
            }
        }

        void engine(String schema, String table, String engine) {
            if (engine != null) {
                engines.put(List.of(String.valueOf(schema), table), engine);
            }
        }

        /** The table's engine (ClickHouse only), or null when the query did not name it. */
        String engineOf(String schema, String table) {
            return engines.get(List.of(String.valueOf(schema), table));
        }

        /**
         * The estimate of a table, or null. A driver that reports no schema (some report the database as the
         * catalog instead) is matched by table name alone, when that name is unique.
         */
        Long of(String schema, String table) {
            if (schema != null) {
                Long rows = bySchema.get(List.of(schema, table));
                if (rows != null) {
                    return rows;
                }
            }
            return ambiguous.contains(table) ? null : byName.get(table);
        }
    }
}
