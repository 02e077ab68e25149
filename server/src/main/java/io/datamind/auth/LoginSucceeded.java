package io.datamind.auth;

import java.util.UUID;

/** @param via {@code cookie} for the browser login, {@code token} for the API-client token endpoint */
public record LoginSucceeded(UUID orgId, UUID userId, String email, String via) {}
