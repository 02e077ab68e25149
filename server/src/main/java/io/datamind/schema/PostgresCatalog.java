package io.datamind.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** PostgreSQL: four queries over pg_catalog, whatever the number of tables. */
final class PostgresCatalog implements CatalogReader {

    private static final String USER_RELATIONS = "c.relkind IN ('r', 'p', 'v', 'm', 'f')"
            + " AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%'"
            + " AND n.nspname NOT LIKE 'pg\\_temp%' AND NOT c.relispartition";

    // Package-visible so the discovery benchmark can time the same catalog queries without DataMind around them.
    static final String TABLES = "SELECT n.nspname, c.relname, c.relkind,"
            + " obj_description(c.oid, 'pg_class') AS comment, c.reltuples::bigint AS estimate"
            + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_RELATIONS
            + " ORDER BY n.nspname, c.relname";

    static final String COLUMNS = "SELECT n.nspname, c.relname, a.attname,"
            + " format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,"
            + " col_description(c.oid, a.attnum) AS comment"
            + " FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE a.attnum > 0 AND NOT a.attisdropped AND " + USER_RELATIONS
            + " ORDER BY n.nspname, c.relname, a.attnum";

    static final String KEYS = "SELECT con.contype, n.nspname, c.relname, con.conname, a.attname,"
            + " fn.nspname AS ref_schema, fc.relname AS ref_table, fa.attname AS ref_column"
            + " FROM pg_constraint con"
            + " JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)"
            + " JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum"
            + " LEFT JOIN pg_class fc ON fc.oid = con.confrelid"
            + " LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace"
            + " LEFT JOIN pg_attribute fa ON fa.attrelid = con.confrelid AND fa.attnum = con.confkey[k.ord]"
            + " WHERE con.contype IN ('p', 'f') AND " + USER_RELATIONS
            + " ORDER BY n.nspname, c.relname, con.contype, con.conname, k.ord";

    @Override
    public List<TableInfo> read(Connection connection, SyncProgress progress) throws SQLException {
        TableAssembly tables = new TableAssembly(progress);
        try (Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement.executeQuery(TABLES)) {
                while (rs.next()) {
                    String kind = rs.getString("relkind");
                    long estimate = rs.getLong("estimate");
                    // -1 (PostgreSQL 14+) or 0 before the first ANALYZE: unknown rather than empty.
                    Long rows = kind.equals("v") || estimate <= 0 ? null : estimate;
                    tables.table(
                            rs.getString(1),
                            rs.getString(2),
                            kind.equals("v") || kind.equals("m") ? "VIEW" : "TABLE",
                            rs.getString("comment"),
                            rows);
                }
            }
            try (ResultSet rs = statement.executeQuery(COLUMNS)) {
                while (rs.next()) {
                    tables.column(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString("type"),
                            rs.getBoolean("nullable"),
                            rs.getString("comment"));
                }
            }
            progress.start(SyncProgress.KEYS, null);
            try (ResultSet rs = statement.executeQuery(KEYS)) {
                while (rs.next()) {
                    if (rs.getString(1).equals("p")) {
                        tables.primaryKeyColumn(rs.getString(2), rs.getString(3), rs.getString("attname"));
                    } else {
                        tables.foreignKeyColumn(
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString("conname"),
                                rs.getString("conname"),
                                rs.getString("attname"),
                                rs.getString("ref_schema"),
                                rs.getString("ref_table"),
                                rs.getString("ref_column"));
                    }
                }
            }
        }
        return tables.tables();
    }
}
