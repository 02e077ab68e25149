package io.datamind.schema;

import io.datamind.common.ApiException;
import io.datamind.common.ClusterLocks;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Discovers schemas again when their last sync is older than {@code datamind.schema.resync-interval}, so tables
 * added or changed in a customer database reach the guard and the prompts without anyone asking. A check runs every
 * tenth of the interval (1 s to 10 min); one replica per round, through a cluster lock, queues the due connections on
 * its own sync pool. A sync still running on another replica when its next round comes may be queued twice; that
 * costs a discovery and changes nothing, as a snapshot is replaced whole.
 */
@Component
class ScheduledResync implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ScheduledResync.class);
    private static final String LOCK = "schema-resync";
    private static final int PER_ROUND = 200;
    private static final Duration MIN_CHECK = Duration.ofSeconds(1);
    private static final Duration MAX_CHECK = Duration.ofMinutes(10);

    private final SchemaSync sync;
    private final SchemaSnapshotRepository repository;
    private final ClusterLocks locks;
    private final SchemaProperties properties;
    private ScheduledExecutorService scheduler;

    ScheduledResync(
            SchemaSync sync, SchemaSnapshotRepository repository, ClusterLocks locks, SchemaProperties properties) {
        this.sync = sync;
        this.repository = repository;
        this.locks = locks;
        this.properties = properties;
    }

    /** How often to look for due connections; empty when the re-sync is switched off. */
    static Optional<Duration> checkEvery(SchemaProperties properties) {
        Duration interval = properties.resync();
        if (interval == null) {
            return Optional.empty();
        }
        Duration tenth = interval.dividedBy(10);
        return Optional.of(
                tenth.compareTo(MIN_CHECK) < 0 ? MIN_CHECK : tenth.compareTo(MAX_CHECK) > 0 ? MAX_CHECK : tenth);
    }

    @EventListener(ApplicationReadyEvent.class)
    synchronized void start() {
        Optional<Duration> every = checkEvery(properties);
        if (every.isEmpty() || scheduler != null) {
            return;
        }
        long millis = every.get().toMillis();
        scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "schema-resync");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::round, millis, millis, TimeUnit.MILLISECONDS);
        log.info("Schemas are discovered again every {} (checked every {})", properties.resyncInterval(), every.get());
    }

    private void round() {
        try {
            Duration every = checkEvery(properties).orElseThrow();
            // Held for most of a round, so the other replicas skip this one; released at once if this one dies.
            locks.runExclusively(LOCK, MAX_CHECK.plus(every), every.dividedBy(2), this::queueDue);
        } catch (RuntimeException e) {
            // Keep the schedule alive: a failed round (database down) is retried at the next one.
            log.warn("Scheduled schema re-sync round failed: {}", e.toString());
        }
    }

    /** Queues a sync of every due connection not already syncing here; returns how many were queued. */
    int queueDue() {
        List<SchemaSnapshotRepository.Due> due =
                repository.dueForResync(Instant.now().minus(properties.resync()), PER_ROUND);
        int queued = 0;
        for (SchemaSnapshotRepository.Due connection : due) {
            if (sync.isRunning(connection.connectionId())) {
                continue;
            }
            try {
                sync.start(connection.orgId(), connection.connectionId());
                queued++;
            } catch (ApiException busy) {
                // The sync queue is full: the rest waits for the next round.
                break;
            }
        }
        if (queued > 0) {
            log.info("Scheduled schema re-sync queued {} connection(s)", queued);
        }
        return queued;
    }

    @Override
    public synchronized void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }
}
