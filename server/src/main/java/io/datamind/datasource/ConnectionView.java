package io.datamind.datasource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A connection as the API shows it: never the password, only whether one is set.
 *
 * @param managed true for the built-in connections (Sample Sales, Uploads), which cannot be edited or deleted
 * @param managedKind {@code sample} or {@code uploads} for a built-in connection, otherwise null
 */
record ConnectionView(
        UUID id,
        String name,
        String type,
        String host,
        Integer port,
        String database,
        String username,
        boolean passwordSet,
        String sslMode,
        Map<String, String> properties,
        String filePath,
        boolean managed,
        String managedKind,
        Instant createdAt,
        Instant updatedAt) {

    static ConnectionView of(StoredConnection c) {
        return new ConnectionView(
                c.id(),
                c.name(),
                c.type().id(),
                c.host(),
                c.port(),
                c.database(),
                c.username(),
                c.passwordEnc() != null,
                c.sslMode(),
                c.properties(),
                c.filePath(),
                c.managed(),
                c.managedKind() == null ? null : c.managedKind().id(),
                c.createdAt(),
                c.updatedAt());
    }
}
