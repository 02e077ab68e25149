package io.datamind.query.guard;

import java.util.Locale;
import java.util.Objects;

/**
 * A table named in a query or in a connection's schema, with quotes removed. Catalog and schema are null when the
 * name does not give them. Equality ignores case, as the guard's comparisons do.
 */
public record TableRef(String catalog, String schema, String name) {

    public TableRef {
        Objects.requireNonNull(name, "name");
        catalog = blankToNull(catalog);
        schema = blankToNull(schema);
    }

    public static TableRef of(String schema, String name) {
        return new TableRef(null, schema, name);
    }

    /** Parses {@code table}, {@code schema.table} or {@code catalog.schema.table}, each part optionally quoted. */
    public static TableRef parse(String qualifiedName) {
        var parts = Identifiers.splitQualified(qualifiedName);
        return switch (parts.size()) {
            case 1 -> new TableRef(null, null, parts.get(0));
            case 2 -> new TableRef(null, parts.get(0), parts.get(1));
            case 3 -> new TableRef(parts.get(0), parts.get(1), parts.get(2));
            default -> throw new IllegalArgumentException("Not a table name: " + qualifiedName);
        };
    }

    /** The name as a person would write it, e.g. {@code pg_catalog.pg_user}. */
    public String displayName() {
        StringBuilder sb = new StringBuilder();
        if (catalog != null) {
            sb.append(catalog).append('.');
        }
        if (schema != null) {
            sb.append(schema).append('.');
        }
        return sb.append(name).toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TableRef other
                && Objects.equals(fold(catalog), fold(other.catalog))
                && Objects.equals(fold(schema), fold(other.schema))
                && fold(name).equals(fold(other.name));
    }

    @Override
    public int hashCode() {
        return Objects.hash(fold(catalog), fold(schema), fold(name));
    }

    @Override
    public String toString() {
        return displayName();
    }

    static String fold(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
