package io.datamind.schema;

import java.util.Locale;

/** Sorts database type names into the few kinds reasoning needs; unknown names are {@code other}. */
final class TypeCategories {

    private TypeCategories() {}

    static String of(String typeName) {
        if (typeName == null) {
            return "other";
        }
        String t = unwrapped(typeName.toLowerCase(Locale.ROOT));
        if (t.startsWith("bool") || t.equals("bit") || t.equals("bit(1)") || t.equals("tinyint(1)")) {
            return "boolean";
        }
        if (t.contains("timestamp") || t.startsWith("datetime")) {
            return "timestamp";
        }
        if (t.startsWith("date")) {
            return "date";
        }
        if (t.startsWith("time")) {
            return "time";
        }
        if (t.contains("interval")) {
            return "other";
        }
        if (t.contains("int") || t.contains("serial")) {
            return "integer";
        }
        if (t.startsWith("numeric")
                || t.startsWith("decimal")
                || t.startsWith("real")
                || t.startsWith("double")
                || t.startsWith("float")
                || t.startsWith("number")
                || t.startsWith("money")) {
            return "number";
        }
        if (t.contains("char")
                || t.contains("text")
                || t.contains("string")
                || t.contains("clob")
                || t.startsWith("enum")
                || t.equals("name")
                || t.equals("citext")) {
            return "text";
        }
        if (t.contains("blob") || t.contains("binary") || t.equals("bytea")) {
            return "binary";
        }
        return "other";
    }

    /**
     * ClickHouse marks nullable and dictionary-encoded columns by wrapping the type, e.g. {@code
     * LowCardinality(Nullable(String))}; the kind is that of the innermost type.
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
}
