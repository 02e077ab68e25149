package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The sentences embedded for a schema: one per table (its words, comment and column words) and one per column (its
 * words, its table's, comment and a few sampled values). Names are split into words, which is what the model knows.
 */
final class EmbeddingTexts {

    record Item(String key, String text) {}

    private static final Set<String> DEFAULT_SCHEMAS = Set.of("public", "dbo", "main");
    private static final int TABLE_COLUMNS = 40;
    private static final int COLUMN_VALUES = 5;

    private EmbeddingTexts() {}

    static String tableKey(String qualifiedName) {
        return "t:" + qualifiedName;
    }

    static String columnKey(String qualifiedName, String column) {
        return "c:" + qualifiedName + "." + column;
    }

    static List<Item> of(SchemaSnapshot snapshot) {
        List<Item> items = new ArrayList<>();
        for (TableInfo table : snapshot.tables()) {
            String qualified = SchemaIndex.qualifiedName(table.schema(), table.name());
            String tableWords = words(table.name());
            StringBuilder text = new StringBuilder(tableWords);
            if (table.schema() != null
                    && !DEFAULT_SCHEMAS.contains(table.schema().toLowerCase(Locale.ROOT))) {
                text.append(" (").append(words(table.schema())).append(')');
            }
            sentence(text, table.comment());
            text.append(". Columns: ");
            List<ColumnInfo> columns = table.columns();
            for (int c = 0; c < Math.min(columns.size(), TABLE_COLUMNS); c++) {
                text.append(c == 0 ? "" : ", ").append(words(columns.get(c).name()));
            }
            items.add(new Item(tableKey(qualified), text.toString()));
            for (ColumnInfo column : columns) {
                StringBuilder col =
                        new StringBuilder(words(column.name())).append(" of ").append(tableWords);
                sentence(col, column.comment());
                List<String> values = column.sampleValues();
                if (!values.isEmpty()) {
                    col.append(". For example: ")
                            .append(String.join(", ", values.subList(0, Math.min(COLUMN_VALUES, values.size()))));
                }
                items.add(new Item(columnKey(qualified, column.name()), col.toString()));
            }
        }
        return items;
    }

    private static String words(String name) {
        List<String> words = Words.ofName(name);
        return words.isEmpty() ? name : String.join(" ", words);
    }

    private static void sentence(StringBuilder text, String comment) {
        if (comment != null && !comment.isBlank()) {
            text.append(": ").append(comment.strip());
        }
    }
}
