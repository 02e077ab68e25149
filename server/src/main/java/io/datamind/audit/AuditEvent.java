package io.datamind.audit;

import java.util.Map;
import java.util.UUID;

/**
 * An action to record, for modules that depend on this one (connections, queries, AI settings, dashboards...).
 * Publish it with Spring's {@code ApplicationEventPublisher} inside the transaction of the change, so the entry
 * commits or rolls back with it. The client IP, user agent and request id are taken from the current request.
 *
 * @param action dotted name, for example {@code datasource.connection.created}
 * @param details extra facts, stored as JSON; never secrets
 */
public record AuditEvent(
        UUID orgId, UUID userId, String action, String targetType, String targetId, Map<String, Object> details) {

    public AuditEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}
