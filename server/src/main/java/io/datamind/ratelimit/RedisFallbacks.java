package io.datamind.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts requests whose limit could not be decided in Redis ({@code datamind.ratelimit.redis.fallback}, tagged
 * with the group and whether it was limited in process or let through) and warns about them at most once a
 * minute, so an outage does not write a log line per request.
 */
final class RedisFallbacks {

    static final String METRIC = "datamind.ratelimit.redis.fallback";
    private static final Logger log = LoggerFactory.getLogger(RedisFallbacks.class);
    private static final Duration WARN_EVERY = Duration.ofMinutes(1);

    private final Map<RouteGroup, Counter> counters = new EnumMap<>(RouteGroup.class);
    private final Clock clock;
    private final AtomicLong sinceLastWarning = new AtomicLong();
    private final AtomicReference<Instant> nextWarning = new AtomicReference<>(Instant.MIN);

    RedisFallbacks(MeterRegistry meters, Clock clock) {
        this.clock = clock;
        for (RouteGroup group : RouteGroup.values()) {
            counters.put(
                    group,
                    Counter.builder(METRIC)
                            .description("Requests rate-limited in process, or not at all, because Redis failed")
                            .tag("group", group.key())
                            .tag("fallback", group.strict() ? "in-process" : "unlimited")
                            .register(meters));
        }
    }

    void record(RouteGroup group, RedisUnavailable cause) {
        counters.get(group).increment();
        sinceLastWarning.incrementAndGet();
        Instant now = clock.instant();
        Instant due = nextWarning.get();
        if (!now.isBefore(due) && nextWarning.compareAndSet(due, now.plus(WARN_EVERY))) {
            log.warn(
                    "Rate limits cannot use Redis ({}): {} request(s) since the last warning were limited in process"
                            + " (sign-in, registration, refresh, failed authentication) or not limited (other routes)",
                    cause.getMessage(),
                    sinceLastWarning.getAndSet(0));
        }
    }
}
