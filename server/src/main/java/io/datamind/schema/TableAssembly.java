package io.datamind.schema;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects the rows of several catalog queries into tables, keyed by schema and name. */
final class TableAssembly {

    private final Map<List<String>, Draft> tables = new LinkedHashMap<>();
    private final SyncProgress progress;

    TableAssembly(SyncProgress progress) {
        this.progress = progress;
    }

    void table(String schema, String name, String kind, String comment, Long rowEstimate) {
        progress.count(SyncProgress.TABLES);
        tables.put(key(schema, name), new Draft(schema, name, kind, blankToNull(comment), rowEstimate));
    }

    boolean has(String schema, String name) {
        return tables.containsKey(key(schema, name));
    }

    void column(String schema, String table, String name, String type, boolean nullable, String comment) {
        progress.count(SyncProgress.COLUMNS);
        Draft draft = tables.get(key(schema, table));
        if (draft != null) {
            draft.columns.add(new ColumnInfo(
                    name,
                    type,
                    TypeCategories.of(type),
                    nullable,
                    draft.columns.size() + 1,
                    blankToNull(comment),
                    List.of()));
        }
    }

    void primaryKeyColumn(String schema, String table, String column) {
        Draft draft = tables.get(key(schema, table));
        if (draft != null) {
            draft.primaryKey.add(column);
        }
    }

    /**
     * Adds one column pair of a foreign key; pairs of the same key (same {@code group}) must arrive in key order.
     */
    void foreignKeyColumn(
            String schema,
            String table,
            String group,
            String name,
            String column,
            String referencedSchema,
            String referencedTable,
            String referencedColumn) {
        Draft draft = tables.get(key(schema, table));
        if (draft == null) {
            return;
        }
        FkDraft fk =
                draft.foreignKeys.computeIfAbsent(group, k -> new FkDraft(name, referencedSchema, referencedTable));
        fk.columns.add(column);
        fk.referencedColumns.add(referencedColumn);
    }

    List<TableInfo> tables() {
        List<TableInfo> result = new ArrayList<>();
        for (Draft d : tables.values()) {
            List<ForeignKey> fks = d.foreignKeys.values().stream()
                    .map(f -> new ForeignKey(
                            f.name, f.columns, f.referencedSchema, f.referencedTable, f.referencedColumns))
                    .toList();
            result.add(new TableInfo(d.schema, d.name, d.kind, d.comment, d.rowEstimate, d.columns, d.primaryKey, fks));
        }
        return result;
    }

    private static List<String> key(String schema, String name) {
        return java.util.Arrays.asList(schema, name);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static final class Draft {
        final String schema;
        final String name;
        final String kind;
        final String comment;
        final Long rowEstimate;
        final List<ColumnInfo> columns = new ArrayList<>();
        final List<String> primaryKey = new ArrayList<>();
        final Map<String, FkDraft> foreignKeys = new LinkedHashMap<>();

        Draft(String schema, String name, String kind, String comment, Long rowEstimate) {
            this.schema = schema;
            this.name = name;
            this.kind = kind;
            this.comment = comment;
            this.rowEstimate = rowEstimate;
        }
    }

    private static final class FkDraft {
        final String name;
        final String referencedSchema;
        final String referencedTable;
        final List<String> columns = new ArrayList<>();
        final List<String> referencedColumns = new ArrayList<>();

        FkDraft(String name, String referencedSchema, String referencedTable) {
            this.name = name;
            this.referencedSchema = referencedSchema;
            this.referencedTable = referencedTable;
        }
    }
}
