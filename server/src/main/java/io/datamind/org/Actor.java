package io.datamind.org;

import java.util.UUID;

/** The member performing a change, as far as the membership rules need to know. */
public record Actor(UUID userId, UUID orgId, Role role) {}
