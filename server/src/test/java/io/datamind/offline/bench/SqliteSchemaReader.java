package io.datamind.offline.bench;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Reads a SQLite database into a {@link SchemaSnapshot} through JDBC metadata, the way schema discovery does:
 * tables, columns with a normalized category, primary and foreign keys, and up to 50 distinct values of each
 * low-cardinality text column.
 */
final class SqliteSchemaReader {

    static final int MAX_SAMPLES = 50;

    private SqliteSchemaReader() {}

    static SchemaSnapshot read(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        List<TableInfo> tables = new ArrayList<>();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = meta.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!name.startsWith("sqlite_")) {
                    names.add(name);
                }
            }
        }
        for (String table : names) {
            List<ColumnInfo> columns = new ArrayList<>();
            try (ResultSet rs = meta.getColumns(null, null, table, "%")) {
                while (rs.next()) {
                    String column = rs.getString("COLUMN_NAME");
                    String type = rs.getString("TYPE_NAME");
                    String category = category(type);
                    boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
                    int position = rs.getInt("ORDINAL_POSITION");
                    List<String> samples = category.equals("text") ? samples(connection, table, column) : List.of();
                    columns.add(new ColumnInfo(column, type, category, nullable, position, null, samples));
                }
            }
            TreeMap<Integer, String> pk = new TreeMap<>();
            try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
                while (rs.next()) {
                    pk.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME"));
                }
            }
            Map<String, List<String[]>> fks = new LinkedHashMap<>();
            try (ResultSet rs = meta.getImportedKeys(null, null, table)) {
                while (rs.next()) {
                    String key = rs.getString("PKTABLE_NAME") + "#" + rs.getString("FK_NAME") + "#"
                            + (rs.getInt("KEY_SEQ") == 1 ? fks.size() : fks.size() - 1);
                    fks.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {
                        rs.getString("FKCOLUMN_NAME"), rs.getString("PKTABLE_NAME"), rs.getString("PKCOLUMN_NAME")
                    });
                }
            }
            List<ForeignKey> foreignKeys = new ArrayList<>();
            for (Map.Entry<String, List<String[]>> e : fks.entrySet()) {
                List<String> from = new ArrayList<>();
                List<String> to = new ArrayList<>();
                for (String[] part : e.getValue()) {
                    from.add(part[0]);
                    to.add(part[2]);
                }
                foreignKeys.add(new ForeignKey(null, from, null, e.getValue().get(0)[1], to));
            }
            tables.add(new TableInfo(null, table, "TABLE", null, null, columns, List.copyOf(pk.values()), foreignKeys));
        }
        return new SchemaSnapshot(UUID.randomUUID(), Instant.now(), tables);
    }

    private static List<String> samples(Connection connection, String table, String column) throws SQLException {
        String sql = "SELECT DISTINCT " + quote(column) + " FROM " + quote(table) + " WHERE " + quote(column)
                + " IS NOT NULL LIMIT " + (MAX_SAMPLES + 1);
        List<String> out = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Object v = rs.getObject(1);
                if (v != null) {
                    out.add(v.toString());
                }
            }
        }
        return out.size() > MAX_SAMPLES ? List.of() : out;
    }

    static String category(String type) {
        String t = type == null ? "" : type.toLowerCase(Locale.ROOT);
        if (t.contains("int")) {
            return "integer";
        }
        if (t.contains("char") || t.contains("text") || t.contains("clob")) {
            return "text";
        }
        if (t.contains("real") || t.contains("floa") || t.contains("doub") || t.contains("dec") || t.contains("num")) {
            return "number";
        }
        if (t.contains("bool")) {
            return "boolean";
        }
        if (t.contains("timestamp") || t.contains("datetime")) {
            return "timestamp";
        }
        if (t.contains("date")) {
            return "date";
        }
        if (t.contains("time")) {
            return "time";
        }
        if (t.contains("blob")) {
            return "binary";
        }
        return t.isEmpty() ? "text" : "other";
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
