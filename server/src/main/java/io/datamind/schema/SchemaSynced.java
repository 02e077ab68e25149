package io.datamind.schema;

import java.util.UUID;

/**
 * Published once a sync stored a new snapshot of a connection's schema, after its commit, so listeners (the schema
 * selector's embeddings) can read it with {@link SchemaSnapshots#latest}.
 */
public record SchemaSynced(UUID orgId, UUID connectionId) {}
