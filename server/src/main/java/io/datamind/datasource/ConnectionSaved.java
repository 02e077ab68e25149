package io.datamind.datasource;

import java.util.UUID;

/**
 * Published inside the transaction that creates or changes a connection, so other modules (schema discovery) can
 * react after it commits.
 *
 * @param created true for a new connection (including the sample connection of a new organization)
 */
public record ConnectionSaved(UUID orgId, UUID connectionId, boolean created) {}
