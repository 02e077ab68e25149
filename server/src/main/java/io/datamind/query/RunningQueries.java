package io.datamind.query;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Queries in flight, by caller-chosen id, and the watchdog that cancels each one when its time is up. Cancels run on
 * a small executor of their own because a JDBC cancel may itself open a connection.
 */
final class RunningQueries {

    private final Map<String, RunningQuery> byId = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService cancellers;

    RunningQueries(ScheduledExecutorService scheduler, ExecutorService cancellers) {
        this.scheduler = scheduler;
        this.cancellers = cancellers;
    }

    RunningQuery start(UUID orgId, String queryId, Duration timeout) {
        String id = queryId == null ? UUID.randomUUID().toString() : queryId;
        RunningQuery query = new RunningQuery(orgId, id, timeout);
        if (byId.putIfAbsent(id, query) != null) {
            throw new IllegalArgumentException("A query with id " + id + " is already running");
        }
        query.watchdog(scheduler.schedule(() -> runQuietly(query::timeOut), timeout.toMillis(), TimeUnit.MILLISECONDS));
        return query;
    }

    boolean cancel(UUID orgId, String queryId) {
        RunningQuery query = queryId == null ? null : byId.get(queryId);
        if (query == null || !query.orgId.equals(orgId)) {
            return false;
        }
        runQuietly(query::cancel);
        return true;
    }

    void finish(RunningQuery query) {
        query.finish();
        byId.remove(query.id, query);
    }

    int running() {
        return byId.size();
    }

    private void runQuietly(Runnable task) {
        try {
            cancellers.execute(task);
        } catch (RejectedExecutionException e) {
            // Shutting down, or swamped: cancel on this thread rather than not at all.
            task.run();
        }
    }
}
