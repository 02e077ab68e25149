package io.datamind.org;

import java.util.UUID;

/**
 * Published inside the transaction that creates an organization and its owner, so listeners can set up per
 * organization defaults (for example the sample connection) atomically with it.
 */
public record OrganizationCreated(UUID orgId, String name, String slug, UUID ownerId) {}
