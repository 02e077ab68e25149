package io.datamind.linking;

import io.datamind.schema.SchemaSnapshots;
import io.datamind.schema.SchemaSynced;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Embeds a schema once its sync stored it, on one low-priority background thread: never on the sync's thread nor a
 * request's. A connection already waiting is not queued twice; its turn reads the newest snapshot.
 */
@Component
class SchemaSyncedListener implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaSyncedListener.class);
    private static final int QUEUE = 1000;

    private final SchemaSnapshots snapshots;
    private final SchemaEmbeddingIndexer indexer;
    private final ThreadPoolExecutor executor;
    private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

    SchemaSyncedListener(SchemaSnapshots snapshots, SchemaEmbeddingIndexer indexer) {
        this.snapshots = snapshots;
        this.indexer = indexer;
        this.executor =
                new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(QUEUE), task -> {
                    Thread thread = new Thread(task, "schema-embeddings");
                    thread.setDaemon(true);
                    thread.setPriority(Thread.MIN_PRIORITY);
                    return thread;
                });
    }

    @EventListener
    void on(SchemaSynced synced) {
        UUID connectionId = synced.connectionId();
        if (!pending.add(connectionId)) {
            return;
        }
        try {
            executor.execute(() -> {
                pending.remove(connectionId);
                try {
                    snapshots
                            .latest(synced.orgId(), connectionId)
                            .ifPresent(snapshot -> indexer.index(synced.orgId(), snapshot));
                } catch (RuntimeException e) {
                    log.warn("Embedding the schema of connection {} failed: {}", connectionId, e.toString());
                }
            });
        } catch (RejectedExecutionException e) {
            pending.remove(connectionId);
            log.warn("Too many schemas wait for embeddings; connection {} keeps word matching only", connectionId);
        }
    }

    /** True when no schema waits for or is being embedded. */
    boolean idle() {
        return pending.isEmpty() && executor.getQueue().isEmpty() && executor.getActiveCount() == 0;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
