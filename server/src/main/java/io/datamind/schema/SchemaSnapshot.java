package io.datamind.schema;

import io.datamind.query.guard.TableRef;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One discovery of a connection's database, replaced atomically on each sync. Everything that reasons about a
 * schema (the SQL guard's table check, the schema selector, the offline engine, the schema browser) reads this.
 */
public record SchemaSnapshot(UUID connectionId, Instant discoveredAt, List<TableInfo> tables) {

    public SchemaSnapshot {
        tables = List.copyOf(tables);
    }

    /** The discovered tables as the SQL guard names them: its known tables for this connection. */
    public List<TableRef> tableRefs() {
        return tables.stream().map(t -> TableRef.of(t.schema(), t.name())).toList();
    }
}
