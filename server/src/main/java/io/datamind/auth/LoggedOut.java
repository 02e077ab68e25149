package io.datamind.auth;

import java.util.UUID;

public record LoggedOut(UUID orgId, UUID userId, UUID sessionId) {}
