package io.datamind.schema;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The latest discovered schema of a connection, for other modules (the SQL guard's known tables, the selector). */
@Service
public class SchemaSnapshots {

    private final SchemaSnapshotRepository repository;

    SchemaSnapshots(SchemaSnapshotRepository repository) {
        this.repository = repository;
    }

    /** Empty until the connection's first sync finished (or when it belongs to another organization). */
    public Optional<SchemaSnapshot> latest(UUID orgId, UUID connectionId) {
        return repository.snapshot(orgId, connectionId);
    }
}
