package io.datamind.ratelimit;

import static io.datamind.ratelimit.RateLimitProbe.LOGIN;
import static io.datamind.ratelimit.RateLimitProbe.PROBE;
import static io.datamind.ratelimit.RateLimitProbe.REGISTER;
import static io.datamind.ratelimit.RateLimitProbe.TEST_USER;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.TestServices;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two DataMind instances sharing the test Redis allow exactly one limit between them. */
class RateLimitSharedRedisTest {

    private static RedisKeys redis;
    private static RunningApp first;
    private static RunningApp second;

    @BeforeAll
    static void start() {
        redis = new RedisKeys();
        String[] arguments = {
            "--datamind.redis.url=" + TestServices.REDIS_URL,
            // Generous, so that a busy test machine cannot push a call into the fallback and blur the count.
            "--datamind.redis.command-timeout=1s",
            "--datamind.rate-limit.redis-key-prefix=" + redis.prefix,
            "--datamind.rate-limit.login.period=1h",
            "--datamind.rate-limit.api.requests=3",
            "--datamind.rate-limit.api.period=1h",
            "--datamind.rate-limit.unauthenticated.requests=4",
            "--datamind.rate-limit.unauthenticated.period=1h"
        };
        first = RunningApp.start(arguments);
        second = RunningApp.start(arguments);
    }

    @AfterAll
    static void stop() {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        redis.close();
    }

    @Test
    void loginAttemptsSplitAcrossInstancesShareOneLimit() {
        RunningApp[] alternating = {first, second, first, second, first};
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> attempt = alternating[i].post(LOGIN);
            assertThat(attempt.statusCode()).as("attempt %d", i + 1).isNotEqualTo(429);
            assertThat(attempt.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(4 - i));
        }

        HttpResponse<String> sixth = second.post(LOGIN);
        HttpResponse<String> seventh = first.post(LOGIN);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("Retry-After")).isPresent();
        assertThat(seventh.statusCode()).isEqualTo(429);
        assertThat(first.fallbacks(RouteGroup.LOGIN)).isZero();
        assertThat(second.fallbacks(RouteGroup.LOGIN)).isZero();
    }

    @Test
    void signedInUserIsCountedByNameAcrossInstances() {
        String user = "alice-" + UUID.randomUUID();
        assertThat(first.get(PROBE, TEST_USER, user).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("2");
        assertThat(second.get(PROBE, TEST_USER, user).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("1");
        assertThat(first.get(PROBE, TEST_USER, user).headers().firstValue("X-RateLimit-Remaining"))
                .hasValue("0");

        assertThat(second.get(PROBE, TEST_USER, user).statusCode()).isEqualTo(429);
        assertThat(second.get(PROBE, TEST_USER, "someone-else-" + UUID.randomUUID())
                        .statusCode())
                .isEqualTo(200);
        assertThat(first.fallbacks(RouteGroup.API)).isZero();
        assertThat(second.fallbacks(RouteGroup.API)).isZero();
    }

    @Test
    void failedAuthenticationsSplitAcrossInstancesShareOneLimit() {
        RunningApp[] alternating = {first, second, first, second};
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> refused =
                    alternating[i].get("/api/v1/connections", "Authorization", "Bearer forged-" + i);
            assertThat(refused.statusCode()).as("attempt %d", i + 1).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(3 - i));
        }

        assertThat(second.get("/api/v1/connections", "Authorization", "Bearer forged")
                        .statusCode())
                .isEqualTo(429);
        assertThat(first.get("/api/v1/connections").statusCode()).isEqualTo(429);
        assertThat(redis.keys()).contains(redis.prefix + "unauthenticated:4per3600000ms:ip:127.0.0.1");
        assertThat(first.fallbacks(RouteGroup.UNAUTHENTICATED)).isZero();
        assertThat(second.fallbacks(RouteGroup.UNAUTHENTICATED)).isZero();
    }

    @Test
    void bucketsLiveInRedisUnderThePrefixAndExpire() {
        assertThat(first.post(REGISTER).statusCode()).isNotEqualTo(429);

        String key = redis.prefix + "register:5per60000ms:ip:127.0.0.1";
        assertThat(redis.keys()).contains(key);
        // Expires once the bucket would be full again (12 s for one token at 5 per minute), plus a margin.
        assertThat(redis.millisToLive(key)).isBetween(1L, 22_000L);
    }

    @Test
    void printsRedisLatency() {
        RateLimiter limiter = first.context().getBean(RateLimiter.class);
        AtomicInteger caller = new AtomicInteger();
        Latency.print(
                "Redis-backed decision",
                500,
                () -> limiter.tryAcquire(RouteGroup.API, "ip:198.51.100." + caller.incrementAndGet() % 250));
        Latency.print(
                "Redis-backed request GET probe",
                100,
                () -> first.get(PROBE, TEST_USER, "latency-" + caller.incrementAndGet()));
    }
}
