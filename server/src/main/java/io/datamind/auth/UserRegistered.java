package io.datamind.auth;

import java.util.UUID;

public record UserRegistered(UUID orgId, UUID userId, String email) {}
