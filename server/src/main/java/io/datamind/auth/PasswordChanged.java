package io.datamind.auth;

import java.util.UUID;

/** @param endedSessions how many of the user's other sessions were revoked */
public record PasswordChanged(UUID orgId, UUID userId, int endedSessions) {}
