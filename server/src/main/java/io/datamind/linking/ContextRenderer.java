package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Writes tables for a prompt, one column a line with its type, key role, comment and, for the columns the question
 * matched, some sampled values:
 *
 * <pre>
 * TABLE shop.orders -- Orders placed on the web shop
 *   id integer PK
 *   customer_id integer FK -&gt; shop.customers(id)
 *   status varchar(20) -- values: 'shipped', 'cancelled'
 *   ... 12 more columns
 * </pre>
 */
final class ContextRenderer {

    private static final int MAX_COMMENT = 120;
    private static final int MAX_VALUES = 5;
    private static final int MAX_VALUE = 40;

    private ContextRenderer() {}

    /** Estimated tokens of a text: characters / 4, rounded up. */
    static int tokens(CharSequence text) {
        return (text.length() + 3) / 4;
    }

    /**
     * @param columns indexes of the columns to show, in table order
     * @param joinable qualified names (lower case) of the tables in the context: foreign keys to others are left out
     * @param matchedValues sampled values to show for a column index, matched ones first; empty for none
     */
    static String table(
            TableInfo table,
            List<Integer> columns,
            Set<String> joinable,
            IntFunction<Collection<String>> matchedValues) {
        StringBuilder out = new StringBuilder(64 + columns.size() * 24);
        out.append("TABLE ").append(SchemaIndex.qualifiedName(table.schema(), table.name()));
        if ("VIEW".equalsIgnoreCase(table.kind())) {
            out.append(" (view)");
        }
        comment(out, table.comment());
        out.append('\n');
        boolean singleKey = table.primaryKey().size() == 1;
        List<ForeignKey> shownKeys = new ArrayList<>();
        for (ForeignKey fk : table.foreignKeys()) {
            if (joinable.contains(target(table, fk).toLowerCase(Locale.ROOT))) {
                shownKeys.add(fk);
            }
        }
        Set<String> shownNames = new LinkedHashSet<>();
        for (int c : columns) {
            ColumnInfo column = table.columns().get(c);
            shownNames.add(column.name());
            out.append("  ").append(column.name()).append(' ').append(type(column));
            if (singleKey && table.primaryKey().get(0).equals(column.name())) {
                out.append(" PK");
            }
            for (ForeignKey fk : shownKeys) {
                if (fk.columns().size() == 1 && fk.columns().get(0).equals(column.name())) {
                    out.append(" FK -> ")
                            .append(target(table, fk))
                            .append('(')
                            .append(fk.referencedColumns().get(0))
                            .append(')');
                }
            }
            Collection<String> values = matchedValues.apply(c);
            String note = note(column.comment(), values);
            if (!note.isEmpty()) {
                out.append(" -- ").append(note);
            }
            out.append('\n');
        }
        if (table.primaryKey().size() > 1 && shownNames.containsAll(table.primaryKey())) {
            out.append("  PRIMARY KEY (")
                    .append(String.join(", ", table.primaryKey()))
                    .append(")\n");
        }
        for (ForeignKey fk : shownKeys) {
            if (fk.columns().size() > 1 && shownNames.containsAll(fk.columns())) {
                out.append("  FOREIGN KEY (")
                        .append(String.join(", ", fk.columns()))
                        .append(") -> ")
                        .append(target(table, fk))
                        .append('(')
                        .append(String.join(", ", fk.referencedColumns()))
                        .append(")\n");
            }
        }
        int omitted = table.columns().size() - columns.size();
        if (omitted > 0) {
            out.append("  ... ").append(omitted).append(omitted == 1 ? " more column\n" : " more columns\n");
        }
        return out.toString();
    }

    static String target(TableInfo table, ForeignKey fk) {
        String schema = fk.referencedSchema() == null ? table.schema() : fk.referencedSchema();
        return SchemaIndex.qualifiedName(schema, fk.referencedTable());
    }

    private static String type(ColumnInfo column) {
        String type = column.type() == null || column.type().isBlank() ? column.category() : column.type();
        return type == null ? "unknown" : type.toLowerCase(Locale.ROOT);
    }

    private static String note(String comment, Collection<String> values) {
        StringBuilder note = new StringBuilder();
        if (comment != null && !comment.isBlank()) {
            note.append(shorten(comment.strip().replaceAll("\\s+", " "), MAX_COMMENT));
        }
        if (!values.isEmpty()) {
            if (note.length() > 0) {
                note.append("; ");
            }
            note.append("values: ");
            int shown = 0;
            for (String value : values) {
                if (shown == MAX_VALUES) {
                    note.append(", ...");
                    break;
                }
                if (shown > 0) {
                    note.append(", ");
                }
                note.append('\'')
                        .append(shorten(value, MAX_VALUE).replace("'", "''"))
                        .append('\'');
                shown++;
            }
        }
        return note.toString();
    }

    private static void comment(StringBuilder out, String comment) {
        if (comment != null && !comment.isBlank()) {
            out.append(" -- ").append(shorten(comment.strip().replaceAll("\\s+", " "), MAX_COMMENT));
        }
    }

    private static String shorten(String text, int max) {
        String oneLine = text.replace('\n', ' ').replace('\r', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 3) + "...";
    }
}
