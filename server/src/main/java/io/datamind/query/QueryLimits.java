package io.datamind.query;

import java.time.Duration;
import java.util.Objects;

/**
 * Bounds for one query. Start from {@link QueryRunner#defaultLimits()} (configured defaults) and narrow or widen with
 * the {@code with...} methods; the runner caps the timeout at {@code datamind.query.max-timeout}.
 *
 * @param maxRows rows delivered at most; more rows make the result {@code truncated}
 * @param maxBytes estimated JSON size of the delivered rows at most; a larger result is {@code truncated}
 * @param timeout wall-clock time for the whole query, enforced in the database and by a JDBC cancel
 */
public record QueryLimits(int maxRows, long maxBytes, Duration timeout) {

    public QueryLimits {
        Objects.requireNonNull(timeout, "timeout");
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be at least 1");
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    public QueryLimits withMaxRows(int rows) {
        return new QueryLimits(rows, maxBytes, timeout);
    }

    public QueryLimits withMaxBytes(long bytes) {
        return new QueryLimits(maxRows, bytes, timeout);
    }

    public QueryLimits withTimeout(Duration time) {
        return new QueryLimits(maxRows, maxBytes, time);
    }
}
