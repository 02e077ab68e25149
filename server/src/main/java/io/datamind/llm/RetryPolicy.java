package io.datamind.llm;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again: exponential backoff with jitter, or the provider's Retry-After when it gave one.
 *
 * @param maxAttempts attempts at most, counting the first
 * @param initialBackoff wait before the second attempt, before jitter
 * @param maxDelay longest wait; a provider asking for more is not retried
 * @param pause how waiting is done; tests record it
 */
record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxDelay, Pause pause) {

    static RetryPolicy of(LlmProperties properties, Pause pause) {
        return new RetryPolicy(
                properties.maxAttempts(), properties.initialBackoff(), properties.maxRetryDelay(), pause);
    }

    /**
     * The wait before attempt {@code next} (2 for the first retry), or empty when the provider asked for more than
     * {@link #maxDelay}: retrying earlier would only be refused again, so the caller gives up at once.
     */
    Optional<Duration> delayBefore(int next, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get().compareTo(maxDelay) > 0 ? Optional.empty() : retryAfter;
        }
        long base = initialBackoff.toMillis() << Math.min(next - 2, 20);
        // "Equal jitter": at least half the backoff, so retries of many callers spread out but never hammer at once.
        long jittered = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        return Optional.of(Duration.ofMillis(Math.min(jittered, maxDelay.toMillis())));
    }

    /** Waits between attempts; ends early with {@link LlmException.Category#CANCELLED} when cancelled. */
    @FunctionalInterface
    interface Pause {

        Pause SLEEP = (duration, cancel) -> {
            if (cancel.await(duration)) {
                throw LlmException.cancelled();
            }
        };

        void pause(Duration duration, CancellationToken cancel);
    }
}
