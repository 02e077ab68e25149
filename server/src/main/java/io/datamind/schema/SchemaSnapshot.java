package io.datamind.schema;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One discovery of a connection's database, replaced atomically on each sync. Everything that reasons about a
 * schema (the SQL guard's table check, the schema selector, the offline engine, the schema browser) reads this.
 */
public record SchemaSnapshot(UUID connectionId, Instant discoveredAt, List<TableInfo> tables) {

    public SchemaSnapshot {
        tables = List.copyOf(tables);
    }

    /** Finds a table by name, case-insensitively; the schema is optional. */
    public Optional<TableInfo> table(String schema, String name) {
        return tables.stream()
                .filter(t -> t.name().equalsIgnoreCase(name))
                .filter(t -> schema == null || schema.isEmpty() || schema.equalsIgnoreCase(t.schema()))
                .findFirst();
    }
}
