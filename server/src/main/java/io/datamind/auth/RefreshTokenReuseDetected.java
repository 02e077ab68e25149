package io.datamind.auth;

import java.util.UUID;

/** A spent refresh token was presented again: its whole session (family) was revoked. */
public record RefreshTokenReuseDetected(UUID orgId, UUID userId, UUID sessionId) {}
