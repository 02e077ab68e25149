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
     * Parsed snapshots, reused while the stored one is the same discovery. Every question reads its connection's
     * schema and holds it until answered; without this, hundreds of questions in flight each hold their own copy
     * (megabytes for a large schema with sample values), which the garbage collector copies again and again.
     * Snapshots are immutable, so one copy is safely shared.
     */
    private final Cache<UUID, Parsed> parsed =
            Caffeine.newBuilder().maximumSize(256).build();

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
        Parsed cached = parsed.getIfPresent(connectionId);
        if (cached != null && cached.discoveredAt().equals(discovered.get())) {
            return Optional.of(cached.snapshot());
        }
        Optional<SchemaSnapshot> loaded = repository.snapshot(orgId, connectionId);
        // Tagged with the discovery time read before: if a sync replaced the snapshot in between, the next call
        // sees a newer time and loads again.
        loaded.ifPresent(snapshot -> parsed.put(connectionId, new Parsed(discovered.get(), snapshot)));
        return loaded;
    }

    private record Parsed(Instant discoveredAt, SchemaSnapshot snapshot) {}
}
