package io.datamind.llm;

import io.datamind.llm.LlmException.Category;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider endpoint behind retries and a circuit breaker. A failed attempt is retried only when another may work (a
 * rate limit, a server error, a timeout, a lost connection) and only while no token reached the listener: once the
 * user saw part of an answer, repeating it would show it twice.
 */
final class ResilientProvider implements LlmProvider {

    private static final Logger log = LoggerFactory.getLogger(ResilientProvider.class);

    private final String id;
    private final String endpoint;
    private final StreamingAttempt attempt;
    private final CircuitBreaker breaker;
    private final Duration openDuration;
    private final RetryPolicy retry;

    ResilientProvider(
            String id,
            String endpoint,
            StreamingAttempt attempt,
            CircuitBreaker breaker,
            Duration openDuration,
            RetryPolicy retry) {
        this.id = id;
        this.endpoint = endpoint;
        this.attempt = attempt;
        this.breaker = breaker;
        this.openDuration = openDuration;
        this.retry = retry;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LlmCompletion complete(LlmRequest request, TokenListener listener, CancellationToken cancel) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(cancel, "cancel");
        DeliveryTracker tracked = new DeliveryTracker(listener);
        LlmException last = null;
        // Failed attempts are billed too; whatever ends the request carries their sum.
        TokenUsage spent = TokenUsage.NONE;
        for (int number = 1; ; number++) {
            if (cancel.isCancelled()) {
                throw LlmException.cancelled().spent(spent);
            }
            if (!breaker.tryAcquirePermission()) {
                // Opened by this request's own failures: its real error says more than "paused".
                throw (last != null ? last : circuitOpen()).spent(spent);
            }
            long started = System.nanoTime();
            try {
                LlmCompletion completion = attempt.run(request, tracked, cancel);
                breaker.onSuccess(System.nanoTime() - started, TimeUnit.NANOSECONDS);
                return completion.plus(spent);
            } catch (LlmException e) {
                record(e, started);
                spent = spent.plus(e.spent());
                e.spent(spent);
                last = e;
                boolean again = e.retryable() && !tracked.delivered() && number < retry.maxAttempts();
                Optional<Duration> delay = again ? retry.delayBefore(number + 1, e.retryAfter()) : Optional.empty();
                if (delay.isEmpty() || cancel.isCancelled()) {
                    logFailure(e, number, tracked.delivered());
                    throw e;
                }
                log.info(
                        "{} at {} failed ({}, attempt {} of {}); retrying in {} ms: {}",
                        id,
                        endpoint,
                        e.category(),
                        number,
                        retry.maxAttempts(),
                        delay.get().toMillis(),
                        rootMessage(e));
                try {
                    retry.pause().pause(delay.get(), cancel);
                } catch (LlmException cancelled) {
                    throw cancelled.spent(spent);
                }
            } catch (RuntimeException e) {
                // The listener failed; the provider did nothing wrong.
                breaker.releasePermission();
                throw e;
            }
        }
    }

    private void record(LlmException e, long started) {
        long elapsed = System.nanoTime() - started;
        switch (e.category()) {
            case UNAVAILABLE, TIMEOUT -> breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
            // The provider answered; a bad key or a rate limit is one organization's problem, not the endpoint's.
            case RATE_LIMITED, AUTH, BAD_REQUEST, DECLINED -> breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            case CANCELLED, CIRCUIT_OPEN -> breaker.releasePermission();
        }
    }

    private LlmException circuitOpen() {
        return new LlmException(
                Category.CIRCUIT_OPEN,
                "The AI provider failed repeatedly, so DataMind stopped calling it for a moment; try again in about "
                        + Math.max(1, openDuration.toSeconds()) + " s.");
    }

    private void logFailure(LlmException e, int attempts, boolean delivered) {
        if (e.category() == Category.CANCELLED) {
            log.debug("{} request at {} cancelled", id, endpoint);
            return;
        }
        log.warn(
                "{} at {} failed ({}) after {} attempt(s){}: {}",
                id,
                endpoint,
                e.category(),
                attempts,
                delivered ? ", part of the answer already streamed" : "",
                rootMessage(e));
        log.debug("{} failure", id, e);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** Remembers whether any token reached the caller, which makes a retry unsafe. */
    private static final class DeliveryTracker implements TokenListener {

        private final TokenListener delegate;
        private volatile boolean delivered;

        DeliveryTracker(TokenListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onToken(String token) {
            delivered = true;
            delegate.onToken(token);
        }

        boolean delivered() {
            return delivered;
        }
    }
}
