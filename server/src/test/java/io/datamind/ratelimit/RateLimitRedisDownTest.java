package io.datamind.ratelimit;

import static io.datamind.ratelimit.RateLimitProbe.LOGIN;
import static io.datamind.ratelimit.RateLimitProbe.PROBE;
import static io.datamind.ratelimit.RateLimitProbe.REGISTER;
import static io.datamind.ratelimit.RateLimitProbe.TEST_USER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Redis configured but nothing listening: sign-in stays limited in process, other routes pass uncounted, and the
 * fallback is counted. No trusted proxies: a forged {@code X-Forwarded-For} changes nothing.
 */
class RateLimitRedisDownTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(
                "--datamind.redis.url=redis://127.0.0.1:1",
                "--datamind.rate-limit.login.requests=3",
                "--datamind.rate-limit.login.period=1h",
                "--datamind.rate-limit.register.requests=2",
                "--datamind.rate-limit.register.period=1h",
                "--datamind.rate-limit.api.requests=2",
                "--datamind.rate-limit.api.period=1h",
                "--datamind.rate-limit.unauthenticated.requests=2",
                "--datamind.rate-limit.unauthenticated.period=1h");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void credentialRoutesAreStillLimitedInProcess() {
        double fallbacksBefore = app.fallbacks(RouteGroup.LOGIN);
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = app.post(LOGIN);
            assertThat(allowed.statusCode()).isNotEqualTo(429);
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        }

        HttpResponse<String> limited = app.post(LOGIN);

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.fallbacks(RouteGroup.LOGIN)).isEqualTo(fallbacksBefore + 4);
        // The loopback peer is not a trusted proxy, so a forged client address does not buy a fresh bucket.
        assertThat(app.post(LOGIN, "X-Forwarded-For", "203.0.113.50").statusCode())
                .isEqualTo(429);
        // Registration has a bucket of its own.
        assertThat(app.post(REGISTER).statusCode()).isNotEqualTo(429);
    }

    @Test
    void failedAuthenticationsAreStillLimitedInProcess() {
        double fallbacksBefore = app.fallbacks(RouteGroup.UNAUTHENTICATED);
        for (int remaining = 1; remaining >= 0; remaining--) {
            HttpResponse<String> refused = app.get("/api/v1/connections", "Authorization", "Bearer forged");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        }

        HttpResponse<String> limited = app.get("/api/v1/connections", "Authorization", "Bearer forged");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(app.fallbacks(RouteGroup.UNAUTHENTICATED)).isEqualTo(fallbacksBefore + 3);
    }

    @Test
    void otherRoutesPassUncounted() {
        double fallbacksBefore = app.fallbacks(RouteGroup.API);
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> response = app.get(PROBE);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        assertThat(app.fallbacks(RouteGroup.API)).isEqualTo(fallbacksBefore + 10);
    }

    @Test
    void printsAddedLatencyWhileRedisIsDown() {
        RateLimiter limiter = app.context().getBean(RateLimiter.class);
        AtomicInteger caller = new AtomicInteger();
        Latency.print(
                "Redis down: decision, strict group (in-process fallback)",
                2000,
                () -> limiter.tryAcquire(RouteGroup.LOGIN, "ip:198.51.100." + caller.incrementAndGet() % 250));
        Latency.print(
                "Redis down: decision, other group (let through)",
                2000,
                () -> limiter.tryAcquire(RouteGroup.API, "ip:198.51.100." + caller.incrementAndGet() % 250));
        Latency.print(
                "Redis down: request GET probe",
                100,
                () -> app.get(PROBE, TEST_USER, "latency-" + caller.incrementAndGet()));
    }
}
