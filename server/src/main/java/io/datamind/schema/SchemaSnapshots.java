package io.datamind.schema;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** The latest discovered schema of a connection, for other modules (the SQL guard's known tables, the selector). */
@Service
public class SchemaSnapshots {

    private final SchemaSnapshotRepository repository;
    private final SchemaSync sync;
    /**
     * Parsed snapshots by discovery, shared while anyone holds them. Every question reads its connection's schema and
     * holds it until answered; without this, hundreds of questions in flight each hold their own copy (megabytes for
     * a large schema with sample values), which the garbage collector copies again and again. Snapshots are
     * immutable, so one copy is safely shared. Weak values rather than a size bound: a bounded cache may evict (or
     * refuse to admit) a snapshot that questions still hold, and the next question would parse a second copy; here an
     * entry lives exactly as long as its snapshot is in use, and stale discoveries disappear with their last reader.
     */
    private final Cache<Discovery, SchemaSnapshot> parsed =
            Caffeine.newBuilder().weakValues().build();

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
        Optional<Instant> discovered = repository.discoveredAt(orgId, connectionId);
        if (discovered.isEmpty()) {
            return Optional.empty();
        }
        // Keyed by the discovery time read before: if a sync replaced the snapshot in between, the next call sees a
        // newer time and loads again. Concurrent questions for the same discovery wait for one parse.
        Discovery key = new Discovery(connectionId, discovered.get());
        return Optional.ofNullable(parsed.get(
                key, ignored -> repository.snapshot(orgId, connectionId).orElse(null)));
    }

    private record Discovery(UUID connectionId, Instant discoveredAt) {}
}
