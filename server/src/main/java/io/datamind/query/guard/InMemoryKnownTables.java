package io.datamind.query.guard;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** {@link KnownTables} over a fixed list, indexed by lower-cased table name. */
final class InMemoryKnownTables implements KnownTables {

    private final String defaultSchema;
    private final Map<String, List<TableRef>> byName = new HashMap<>();

    InMemoryKnownTables(String defaultSchema, Collection<TableRef> tables) {
        this.defaultSchema = TableRef.fold(defaultSchema);
        for (TableRef table : tables) {
            byName.computeIfAbsent(TableRef.fold(table.name()), k -> new java.util.ArrayList<>())
                    .add(table);
        }
    }

    @Override
    public boolean contains(TableRef ref) {
        for (TableRef known : byName.getOrDefault(TableRef.fold(ref.name()), List.of())) {
            if (matches(ref, known)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(TableRef ref, TableRef known) {
        // A catalog in the query must be the known table's: other catalogs are other databases.
        if (ref.catalog() != null && !Objects.equals(TableRef.fold(ref.catalog()), TableRef.fold(known.catalog()))) {
            return false;
        }
        if (ref.schema() == null) {
            return true;
        }
        String knownSchema = known.schema() != null ? TableRef.fold(known.schema()) : defaultSchema;
        return TableRef.fold(ref.schema()).equals(knownSchema);
    }

    @Override
    public String toString() {
        return "KnownTables" + byName.values();
    }
}
