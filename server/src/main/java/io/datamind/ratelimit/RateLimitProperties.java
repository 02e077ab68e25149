package io.datamind.ratelimit;

import java.time.Duration;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled false switches every rate limit off
 * @param redisKeyPrefix prefix of the bucket keys in Redis, so several deployments can share one Redis
 * @param redisRetryAfter after a Redis call failed or timed out, how long to use the fallbacks before trying again
 * @param localMaxBuckets most in-process buckets kept (least recently used are dropped first)
 * @param login sign-in and token requests per client
 * @param register registrations per client
 * @param refresh token refreshes per client
 * @param ask questions asked (chat messages) per client
 * @param api every other API request per client
 * @param unauthenticated requests that fail authentication (a missing, expired or forged token on a protected
 *     endpoint) per client address; past it they get 429 instead of 401. Signed-in requests never count here.
 */
@ConfigurationProperties("datamind.rate-limit")
record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("datamind:ratelimit:") String redisKeyPrefix,
        @DefaultValue("5s") Duration redisRetryAfter,
        @DefaultValue("100000") int localMaxBuckets,
        Limit login,
        Limit register,
        Limit refresh,
        Limit ask,
        Limit api,
        Limit unauthenticated) {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    RateLimitProperties {
        login = Limit.orDefault(login, "login", 5, MINUTE);
        register = Limit.orDefault(register, "register", 5, MINUTE);
        refresh = Limit.orDefault(refresh, "refresh", 30, MINUTE);
        ask = Limit.orDefault(ask, "ask", 20, MINUTE);
        api = Limit.orDefault(api, "api", 100, MINUTE);
        unauthenticated = Limit.orDefault(unauthenticated, "unauthenticated", 60, MINUTE);
        if (localMaxBuckets < 1) {
            throw new IllegalArgumentException("datamind.rate-limit.local-max-buckets must be at least 1");
        }
    }

    Limit limit(RouteGroup group) {
        return switch (group) {
            case LOGIN -> login;
            case REGISTER -> register;
            case REFRESH -> refresh;
            case ASK -> ask;
            case API -> api;
            case UNAUTHENTICATED -> unauthenticated;
        };
    }

    Duration longestPeriod() {
        return Stream.of(login, register, refresh, ask, api, unauthenticated)
                .map(Limit::period)
                .max(Duration::compareTo)
                .orElseThrow();
    }

    /**
     * @param requests requests allowed per period (the bucket's capacity; tokens come back evenly over the period)
     * @param period the period, e.g. {@code 1m}
     */
    record Limit(Integer requests, Duration period) {

        static Limit orDefault(Limit configured, String name, int requests, Duration period) {
            Limit limit = new Limit(
                    configured == null || configured.requests() == null ? requests : configured.requests(),
                    configured == null || configured.period() == null ? period : configured.period());
            if (limit.requests() < 1) {
                throw new IllegalArgumentException("datamind.rate-limit." + name + ".requests must be at least 1");
            }
            if (limit.period().isNegative() || limit.period().isZero()) {
                throw new IllegalArgumentException("datamind.rate-limit." + name + ".period must be positive");
            }
            return limit;
        }
    }
}
