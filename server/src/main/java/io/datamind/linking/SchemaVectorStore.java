package io.datamind.linking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Stored embeddings kept in memory after their first read, so a question costs no database round trip. The
 * indexer of this instance drops an entry when it stores new vectors; entries also expire, for vectors stored by
 * another instance.
 */
@Component
class SchemaVectorStore {

    // About 150 MB of vectors (384 floats each) at most.
    private static final long MAX_VECTORS = 100_000;

    private final SchemaVectorRepository repository;
    private final Cache<UUID, SchemaVectors> cache = Caffeine.newBuilder()
            .maximumWeight(MAX_VECTORS)
            .<UUID, SchemaVectors>weigher((id, vectors) -> Math.max(1, vectors.size()))
            .expireAfterWrite(Duration.ofMinutes(10))
            .build();

    SchemaVectorStore(SchemaVectorRepository repository) {
        this.repository = repository;
    }

    /** The connection's vectors; {@link SchemaVectors#NONE} while none are stored (a sync in progress, say). */
    SchemaVectors vectors(UUID connectionId) {
        if (connectionId == null) {
            return SchemaVectors.NONE;
        }
        return cache.get(connectionId, repository::load);
    }

    void invalidate(UUID connectionId) {
        cache.invalidate(connectionId);
    }
}
