package io.datamind.ratelimit;

import io.github.bucket4j.ConsumptionProbe;

/**
 * The outcome of counting one request. {@code limit} is negative when the request was let through without being
 * counted (Redis failed on a non-strict group), so no rate-limit headers are sent for it.
 */
record Decision(boolean allowed, long limit, long remaining, long retryAfterSeconds) {

    static Decision uncounted() {
        return new Decision(true, -1, -1, 0);
    }

    static Decision of(ConsumptionProbe probe, long limit) {
        if (probe.isConsumed()) {
            return new Decision(true, limit, probe.getRemainingTokens(), 0);
        }
        // Round up: a client that waits exactly this long finds a token.
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        return new Decision(false, limit, 0, seconds);
    }

    boolean counted() {
        return limit >= 0;
    }
}
