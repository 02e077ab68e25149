package io.datamind.schema;

import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.query.QueryFailedException;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Runs schema discoveries in the background on a small pool, one at a time per connection. Running syncs are known
 * to this instance only; finished ones are read from the database.
 */
@Component
class SchemaSync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SchemaSync.class);
    private static final int QUEUE = 1000;

    private record Running(UUID orgId, Instant startedAt, SyncProgress progress) {}

    private final ConnectionTargets targets;
    private final SchemaDiscovery discovery;
    private final SchemaSnapshotRepository repository;
    private final ApplicationEventPublisher events;
    private final ThreadPoolExecutor executor;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    /** Connections whose data changed while their sync ran: they are discovered once more when it ends. */
    private final Set<UUID> again = ConcurrentHashMap.newKeySet();

    SchemaSync(
            ConnectionTargets targets,
            SchemaDiscovery discovery,
            SchemaSnapshotRepository repository,
            SchemaProperties properties,
            ApplicationEventPublisher events) {
        this.targets = targets;
        this.events = events;
        this.discovery = discovery;
        this.repository = repository;
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(
                properties.syncThreads(),
                properties.syncThreads(),
                0,
                TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE),
                task -> {
                    Thread thread = new Thread(task, "schema-sync-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
    }

    /** Starts a sync unless one is already running for the connection; the caller checked that it exists. */
    SyncStatus start(UUID orgId, UUID connectionId) {
        return start(orgId, connectionId, false);
    }

    /**
     * Starts a sync; when one is already running and {@code rerun} is set, another follows it, since the running one
     * may have read the catalog before the change that asks for this one.
     */
    synchronized SyncStatus start(UUID orgId, UUID connectionId, boolean rerun) {
        Running fresh = new Running(orgId, Instant.now(), new SyncProgress());
        Running current = running.putIfAbsent(connectionId, fresh);
        if (current != null) {
            if (rerun) {
                again.add(connectionId);
            }
            return SyncStatus.running(current.startedAt(), current.progress());
        }
        try {
            executor.execute(() -> run(orgId, connectionId, fresh.progress()));
        } catch (RejectedExecutionException e) {
            running.remove(connectionId, fresh);
            throw new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE, "Busy", "Too many schema syncs are waiting; try again later");
        }
        return SyncStatus.running(fresh.startedAt(), fresh.progress());
    }

    private synchronized void finished(UUID orgId, UUID connectionId) {
        running.remove(connectionId);
        if (again.remove(connectionId)) {
            try {
                start(orgId, connectionId, false);
            } catch (ApiException busy) {
                log.warn("Schema sync of connection {} could not be queued again: {}", connectionId, busy.getMessage());
            }
        }
    }

    SyncStatus status(UUID orgId, UUID connectionId) {
        Running current = running.get(connectionId);
        if (current != null && current.orgId().equals(orgId)) {
            return SyncStatus.running(current.startedAt(), current.progress());
        }
        return repository
                .syncRow(orgId, connectionId)
                .map(row -> new SyncStatus(
                        row.status(),
                        null,
                        row.syncedAt(),
                        row.status().equals("done") ? row.tableCount() : null,
                        row.error(),
                        null))
                .orElseGet(() -> {
                    if (!targets.exists(orgId, connectionId)) {
                        throw new NotFoundException("Connection");
                    }
                    return SyncStatus.idle();
                });
    }

    boolean isRunning(UUID connectionId) {
        return running.containsKey(connectionId);
    }

    private void run(UUID orgId, UUID connectionId, SyncProgress progress) {
        try {
            SchemaSnapshot snapshot = discovery.discover(targets.forConnection(orgId, connectionId), progress);
            repository.save(orgId, snapshot);
            events.publishEvent(new SchemaSynced(orgId, connectionId));
            log.info("Discovered {} tables of connection {}", snapshot.tables().size(), connectionId);
        } catch (NotFoundException e) {
            log.debug("Connection {} was deleted before its schema sync", connectionId);
        } catch (RuntimeException e) {
            String message = e instanceof QueryFailedException || e instanceof ApiException
                    ? e.getMessage()
                    : "Schema discovery failed";
            log.warn("Schema sync of connection {} failed: {}", connectionId, e.toString());
            try {
                repository.saveFailure(orgId, connectionId, message, Instant.now());
            } catch (DataAccessException deleted) {
                log.debug("Cannot record the failed sync of {}: {}", connectionId, deleted.getMessage());
            }
        } finally {
            finished(orgId, connectionId);
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
