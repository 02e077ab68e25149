package io.datamind.auth;

import java.util.UUID;

/**
 * A refused sign-in. {@code orgId} and {@code userId} are null when no account has the email.
 *
 * @param reason {@code bad_credentials}, or {@code throttled} when refused for too many recent failures
 */
public record LoginFailed(UUID orgId, UUID userId, String email, String reason) {}
