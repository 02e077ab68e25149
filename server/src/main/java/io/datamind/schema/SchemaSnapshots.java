package io.datamind.schema;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The latest discovered schema of a connection, for other modules (the SQL guard's known tables, the selector). */
@Service
public class SchemaSnapshots {

    private final SchemaSnapshotRepository repository;
    private final SchemaSync sync;

    SchemaSnapshots(SchemaSnapshotRepository repository, SchemaSync sync) {
        this.repository = repository;
        this.sync = sync;
    }

    /**
     * Discovers the connection's schema again in the background, after a change its owner made (an uploaded table).
     * When a discovery is already running, another follows it, so the change is seen either way. The caller checked
     * that the organization has the connection.
     */
    public void refresh(UUID orgId, UUID connectionId) {
        sync.start(orgId, connectionId, true);
    }

    /** Empty until the connection's first sync finished (or when it belongs to another organization). */
    public Optional<SchemaSnapshot> latest(UUID orgId, UUID connectionId) {
        return repository.snapshot(orgId, connectionId);
    }
}
