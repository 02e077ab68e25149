package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One query in flight: the statement it is running now, and whether a person or the time limit asked it to stop.
 * Cancelling and finishing hold the same lock, so a JDBC cancel (a {@code KILL QUERY} on MariaDB) can never reach a
 * connection after it went back to the pool and started someone else's query.
 */
final class RunningQuery {

    private static final Logger log = LoggerFactory.getLogger(RunningQuery.class);

    final UUID orgId;
    final String id;
    final Duration timeout;
    private Statement current;
    private volatile boolean cancelled;
    private volatile boolean timedOut;
    private boolean finished;
    private ScheduledFuture<?> watchdog;

    RunningQuery(UUID orgId, String id, Duration timeout) {
        this.orgId = orgId;
        this.id = id;
        this.timeout = timeout;
    }

    synchronized void watchdog(ScheduledFuture<?> future) {
        this.watchdog = future;
    }

    /**
     * The statement about to run (again: each FETCH of a cursor attaches it). If a stop was already asked for, this
     * throws instead: a JDBC cancel sent while the statement is idle is ignored by the server, so the next execution
     * would run to its time limit.
     */
    synchronized void attach(Statement statement) throws SQLException {
        if (finished) {
            return;
        }
        current = statement;
        throwIfStopped();
    }

    void cancel() {
        stop(false);
    }

    void timeOut() {
        stop(true);
    }

    private synchronized void stop(boolean byTimeout) {
        if (finished) {
            return;
        }
        if (byTimeout) {
            timedOut = true;
        } else {
            cancelled = true;
        }
        if (current != null) {
            try {
                current.cancel();
            } catch (SQLException | RuntimeException e) {
                // The statement may have ended meanwhile; the flags still stop the query between rows.
                log.debug("Cancelling query {} failed: {}", id, e.getMessage());
            }
        }
    }

    boolean stopRequested() {
        return cancelled || timedOut;
    }

    boolean cancelled() {
        return cancelled;
    }

    boolean timedOut() {
        return timedOut;
    }

    /** Throws the cancel or timeout failure if one was asked for. */
    void throwIfStopped() {
        if (cancelled) {
            throw cancelledFailure();
        }
        if (timedOut) {
            throw timeoutFailure();
        }
    }

    QueryFailedException cancelledFailure() {
        return new QueryFailedException(Category.CANCELLED, "The query was cancelled");
    }

    QueryFailedException timeoutFailure() {
        return new QueryFailedException(
                Category.TIMEOUT,
                "The query took longer than its time limit of " + describe(timeout) + " and was stopped");
    }

    /** After this, no cancel reaches the connection any more. */
    synchronized void finish() {
        finished = true;
        current = null;
        if (watchdog != null) {
            watchdog.cancel(false);
        }
    }

    private static String describe(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
