package io.datamind.org;

import java.time.Instant;
import java.util.UUID;

/** A user, who belongs to exactly one organization. */
public record Member(UUID id, UUID orgId, String email, String fullName, Role role, Instant createdAt) {}
