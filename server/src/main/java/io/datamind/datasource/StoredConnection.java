package io.datamind.datasource;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A row of {@code connections}; the password stays encrypted until a target is built.
 *
 * @param managedKind which built-in connection this is; null for connections people add
 */
record StoredConnection(
        UUID id,
        UUID orgId,
        String name,
        ConnectionType type,
        String host,
        Integer port,
        String database,
        String username,
        String passwordEnc,
        String sslMode,
        Map<String, String> properties,
        String filePath,
        ManagedKind managedKind,
        Instant createdAt,
        Instant updatedAt) {

    StoredConnection {
        properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    /** A built-in DuckDB connection (the sample, an organization's uploads): no details, the file comes from its kind. */
    static StoredConnection managed(UUID id, UUID orgId, String name, ManagedKind kind, Instant now) {
        return new StoredConnection(
                id,
                orgId,
                name,
                ConnectionType.DUCKDB,
                null,
                null,
                null,
                null,
                null,
                null,
                Map.of(),
                null,
                kind,
                now,
                now);
    }

    /** Built in (the sample or the uploads database): not changed or deleted by people. */
    boolean managed() {
        return managedKind != null;
    }

    /** The details as the user gave them, with the decrypted password, for re-validation before each use. */
    ConnectionDetails details(String password) {
        return new ConnectionDetails(
                name, type.id(), host, port, database, username, password, sslMode, properties, filePath);
    }

    @Override
    public String toString() {
        return "StoredConnection[" + id + " " + type.id() + " " + name + "]";
    }
}
