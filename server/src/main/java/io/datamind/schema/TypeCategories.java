package io.datamind.schema;

import java.util.Locale;
import java.util.Set;

/**
 * Sorts database type names into the few kinds reasoning needs; unknown names are {@code other}. The kind comes from
 * the outer type only: the parameters in parentheses are not looked at, so {@code Array(String)} is not text, {@code
 * Map(String, DateTime)} not a time and {@code Enum8('timestamp' = 1)} not a timestamp.
 */
final class TypeCategories {

    /**
     * Values that hold several values (arrays, maps, tuples, rows, structs, unions, ClickHouse's Nested and aggregate
     * states, semi-structured JSON) and ClickHouse's geo types, which are tuples and arrays of floats.
     */
    private static final Set<String> COMPOSITE = Set.of(
            "array",
            "map",
            "tuple",
            "nested",
            "row",
            "struct",
            "union",
            "variant",
            "dynamic",
            "json",
            "object",
            "aggregatefunction",
            "simpleaggregatefunction",
            "point",
            "ring",
            "linestring",
            "multilinestring",
            "polygon",
            "multipolygon");

    private TypeCategories() {}

    static String of(String typeName) {
        if (typeName == null) {
            return "other";
        }
        String t = unwrapped(typeName.toLowerCase(Locale.ROOT).trim());
        if (t.equals("bit(1)") || t.equals("tinyint(1)")) {
            return "boolean";
        }
        // PostgreSQL and DuckDB spell arrays with a suffix: integer[], VARCHAR[].
        if (t.endsWith("]")) {
            return "other";
        }
        String outer = withoutParameters(t);
        int space = outer.indexOf(' ');
        if (COMPOSITE.contains(space < 0 ? outer : outer.substring(0, space))) {
            return "other";
        }
        if (outer.startsWith("bool") || outer.equals("bit")) {
            return "boolean";
        }
        if (outer.contains("timestamp") || outer.startsWith("datetime")) {
            return "timestamp";
        }
        if (outer.startsWith("date")) {
            return "date";
        }
        if (outer.startsWith("time")) {
            return "time";
        }
        if (outer.contains("interval")) {
            return "other";
        }
        if (outer.contains("int") || outer.contains("serial")) {
            return "integer";
        }
        if (outer.startsWith("numeric")
                || outer.startsWith("decimal")
                || outer.startsWith("real")
                || outer.startsWith("double")
                || outer.startsWith("float")
                || outer.startsWith("number")
                || outer.startsWith("money")) {
            return "number";
        }
        if (outer.contains("char")
                || outer.contains("text")
                || outer.contains("string")
                || outer.contains("clob")
                || outer.startsWith("enum")
                || outer.equals("name")
                || outer.equals("citext")) {
            return "text";
        }
        if (outer.contains("blob") || outer.contains("binary") || outer.equals("bytea")) {
            return "binary";
        }
        return "other";
    }

    /**
     * ClickHouse marks nullable and dictionary-encoded columns by wrapping the type, e.g. {@code
     * LowCardinality(Nullable(String))}: these two wrappers only are taken off. {@code Array(Nullable(String))}
     * stays an array.
     */
    private static String unwrapped(String type) {
        String t = type;
        while (true) {
            String prefix = t.startsWith("nullable(")
                    ? "nullable("
                    : t.startsWith("lowcardinality(") ? "lowcardinality(" : null;
            if (prefix == null || !t.endsWith(")")) {
                return t;
            }
            t = t.substring(prefix.length(), t.length() - 1).trim();
        }
    }

    /**
     * The type name without its parenthesized parameters (nested ones and quoted strings included): {@code
     * timestamp(3) with time zone} gives {@code timestamp with time zone}, {@code map(string, array(date))} gives
     * {@code map}.
     */
    private static String withoutParameters(String type) {
        StringBuilder out = new StringBuilder(type.length());
        int depth = 0;
        boolean quoted = false;
        for (int i = 0; i < type.length(); i++) {
            char c = type.charAt(i);
            if (quoted) {
                if (c == '\\') {
                    i++;
                } else if (c == '\'') {
                    quoted = false;
                }
            } else if (depth > 0 && c == '\'') {
                quoted = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString().trim().replaceAll("\\s+", " ");
    }
}
