package io.datamind.upload;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Table and column names made from file names and headers: lower-case ASCII letters, digits and underscores, not
 * starting with a digit and not an SQL keyword, so people and models can write them without quotes.
 */
final class Names {

    static final int MAX_LENGTH = 63;

    private static final Set<String> RESERVED = Set.of(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "both",
            "case",
            "cast",
            "check",
            "collate",
            "column",
            "constraint",
            "create",
            "cross",
            "current_catalog",
            "current_date",
            "current_role",
            "current_schema",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "deferrable",
            "desc",
            "describe",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "false",
            "fetch",
            "for",
            "foreign",
            "from",
            "full",
            "grant",
            "group",
            "having",
            "in",
            "initially",
            "inner",
            "intersect",
            "into",
            "is",
            "join",
            "lateral",
            "leading",
            "left",
            "like",
            "limit",
            "natural",
            "not",
            "null",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "outer",
            "pivot",
            "placing",
            "primary",
            "qualify",
            "references",
            "returning",
            "right",
            "select",
            "session_user",
            "show",
            "some",
            "symmetric",
            "table",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "unpivot",
            "user",
            "using",
            "variadic",
            "when",
            "where",
            "window",
            "with");

    private Names() {}

    /**
     * A safe identifier made from free text; {@code fallback} when nothing usable is left.
     *
     * @param digitPrefix put before a name that would start with a digit
     */
    static String identifier(String text, String fallback, String digitPrefix) {
        String plain = text == null
                ? ""
                : Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String name =
                plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            name = fallback;
        }
        if (Character.isDigit(name.charAt(0))) {
            name = digitPrefix + name;
        }
        name = truncate(name, MAX_LENGTH);
        return RESERVED.contains(name) ? name + "_" : name;
    }

    /** Column names for a header row: made safe, and numbered where two would be the same. */
    static List<String> columns(List<String> headers) {
        List<String> names = new ArrayList<>(headers.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < headers.size(); i++) {
            String name = unique(identifier(headers.get(i), "column_" + (i + 1), "c_"), taken);
            taken.add(name);
            names.add(name);
        }
        return names;
    }

    /** The table name asked for, or one made from the file name without its extension. */
    static String table(String requested, String fileName) {
        if (requested != null && !requested.isBlank()) {
            return identifier(requested, "upload", "t_");
        }
        String base = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        return identifier(dot > 0 ? base.substring(0, dot) : base, "upload", "t_");
    }

    /** {@code name}, or {@code name_2}, {@code name_3}... whichever is not taken (compared in lower case). */
    static String unique(String name, Set<String> takenLowerCase) {
        if (!takenLowerCase.contains(name)) {
            return name;
        }
        for (int n = 2; ; n++) {
            String suffix = "_" + n;
            String candidate = truncate(name, MAX_LENGTH - suffix.length()) + suffix;
            if (!takenLowerCase.contains(candidate)) {
                return candidate;
            }
        }
    }

    private static String truncate(String name, int length) {
        return name.length() <= length ? name : name.substring(0, length).replaceAll("_+$", "");
    }

    /** A double-quoted identifier; the names made here never need it, but quoting costs nothing. */
    static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
