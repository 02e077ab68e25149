package io.datamind.schema;

import java.util.List;

/**
 * A table or view.
 *
 * @param schema the schema (or database, for MySQL) it lives in; null where the database has none
 * @param kind {@code TABLE} or {@code VIEW}
 * @param rowEstimate the database's own estimate, or null when it gives none
 * @param primaryKey column names of the primary key, in key order; empty when there is none
 */
public record TableInfo(
        String schema,
        String name,
        String kind,
        String comment,
        Long rowEstimate,
        List<ColumnInfo> columns,
        List<String> primaryKey,
        List<ForeignKey> foreignKeys) {

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        foreignKeys = List.copyOf(foreignKeys);
    }
}
