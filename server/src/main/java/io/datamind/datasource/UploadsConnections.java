package io.datamind.datasource;

import io.datamind.common.DataMindProperties;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organization's Uploads connection: a DuckDB file of its own under {@code <data-dir>/uploads/<org id>/}. The
 * folder lies outside the file root, so no connection of another organization can point at it. The upload module
 * writes the file; everything else reads it through the query runner, read-only, like any DuckDB source.
 */
@Service
public class UploadsConnections {

    public static final String CONNECTION_NAME = "Uploads";
    private static final String FILE_NAME = "uploads.duckdb";

    private final ConnectionRepository repository;
    private final Path root;

    UploadsConnections(ConnectionRepository repository, DataMindProperties properties) {
        this.repository = repository;
        this.root = root(properties.dataDir());
    }

    static Path root(Path dataDir) {
        return dataDir.resolve("uploads").toAbsolutePath().normalize();
    }

    /** The folder of the organization's uploads database (and of the upload module's staging files). */
    public Path folder(UUID orgId) {
        return root.resolve(orgId.toString());
    }

    /** The organization's uploads database file; it exists once the first upload loaded. */
    public Path file(UUID orgId) {
        return folder(orgId).resolve(FILE_NAME);
    }

    /** The organization's Uploads connection; empty until its first upload. */
    @Transactional(readOnly = true)
    public Optional<UUID> find(UUID orgId) {
        return repository.findManaged(orgId, ManagedKind.UPLOADS).map(StoredConnection::id);
    }

    /**
     * Adds the organization's Uploads connection; call it once {@link #file} holds the first table, inside the
     * caller's transaction. Named "Uploads", or "Uploads 2" and so on when the organization already named one of its
     * own connections so.
     */
    @Transactional
    public UUID create(UUID orgId) {
        String name = CONNECTION_NAME;
        for (int n = 2; repository.nameTaken(orgId, name, null); n++) {
            name = CONNECTION_NAME + " " + n;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID id = UUID.randomUUID();
        // No file path is stored: the target is always built from the organization's id (see ConnectionTargets).
        repository.insert(StoredConnection.managed(id, orgId, name, ManagedKind.UPLOADS, now));
        // No ConnectionSaved: the upload module starts the schema sync itself after every load, this first one too.
        return id;
    }
}
