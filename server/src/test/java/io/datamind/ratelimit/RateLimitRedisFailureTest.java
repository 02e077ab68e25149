package io.datamind.ratelimit;

import static io.datamind.ratelimit.RateLimitProbe.LOGIN;
import static io.datamind.ratelimit.RateLimitProbe.PROBE;
import static io.datamind.ratelimit.RateLimitProbe.REGISTER;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A Redis that stops answering, then comes back, then dies, under the default 50 ms command timeout: credential
 * routes fall back to in-process buckets, other routes pass, and shared buckets resume when Redis answers again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitRedisFailureTest {

    private static PrivateRedis redis;
    private static RunningApp app;

    @BeforeAll
    static void start() throws Exception {
        redis = PrivateRedis.start();
        app = RunningApp.start(
                "--datamind.redis.url=" + redis.url(),
                "--datamind.rate-limit.redis-retry-after=1s",
                "--datamind.rate-limit.login.requests=3",
                "--datamind.rate-limit.login.period=1h",
                "--datamind.rate-limit.register.requests=2",
                "--datamind.rate-limit.register.period=1h");
    }

    @AfterAll
    static void stop() throws Exception {
        if (app != null) {
            app.close();
        }
        redis.close();
    }

    @Test
    @Order(1)
    void aRedisThatStopsAnsweringCostsAtMostTheTimeoutAndResumesWhenItAnswers() throws Exception {
        awaitRedisBackedLimits();
        assertThat(remaining(app.post(LOGIN))).isEqualTo("2");
        assertThat(remaining(app.post(LOGIN))).isEqualTo("1");
        double loginFallbacks = app.fallbacks(RouteGroup.LOGIN);
        double otherFallbacks = app.fallbacks(RouteGroup.API);

        redis.pause(Duration.ofSeconds(4));
        RateLimiter limiter = app.context().getBean(RateLimiter.class);
        List<String> decisions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long started = System.nanoTime();
            limiter.tryAcquire(RouteGroup.ASK, "ip:198.51.100.1");
            decisions.add(String.format("%.1f ms", (System.nanoTime() - started) / 1e6));
        }
        System.out.println("LATENCY Redis paused, decisions (the first waits for the timeout, then Redis is left"
                + " alone for redis-retry-after): " + decisions);
        List<String> timings = new ArrayList<>();
        // A fresh in-process bucket takes over for sign-in: it does not know what Redis counted.
        assertThat(remaining(timed(timings, () -> app.post(LOGIN)))).isEqualTo("2");
        assertThat(remaining(timed(timings, () -> app.post(LOGIN)))).isEqualTo("1");
        assertThat(remaining(timed(timings, () -> app.post(LOGIN)))).isEqualTo("0");
        assertThat(timed(timings, () -> app.post(LOGIN)).statusCode()).isEqualTo(429);
        HttpResponse<String> other = timed(timings, () -> app.get(PROBE));
        assertThat(other.statusCode()).isEqualTo(200);
        assertThat(other.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        System.out.println("LATENCY Redis paused, request by request (login x4, probe): " + timings);
        assertThat(app.fallbacks(RouteGroup.LOGIN)).isEqualTo(loginFallbacks + 4);
        assertThat(app.fallbacks(RouteGroup.API)).isEqualTo(otherFallbacks + 1);

        awaitRedisBackedLimits();
        // The shared bucket still has the one token it had before the pause.
        assertThat(remaining(app.post(LOGIN))).isEqualTo("0");
        assertThat(app.post(LOGIN).statusCode()).isEqualTo(429);
    }

    @Test
    @Order(2)
    void aDeadRedisLeavesCredentialRoutesLimitedInProcess() throws Exception {
        awaitRedisBackedLimits();
        double registerFallbacks = app.fallbacks(RouteGroup.REGISTER);
        redis.kill();

        List<String> timings = new ArrayList<>();
        assertThat(remaining(timed(timings, () -> app.post(REGISTER)))).isEqualTo("1");
        assertThat(remaining(timed(timings, () -> app.post(REGISTER)))).isEqualTo("0");
        assertThat(timed(timings, () -> app.post(REGISTER)).statusCode()).isEqualTo(429);
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> other = timed(timings, () -> app.get(PROBE));
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(other.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        System.out.println("LATENCY Redis killed, request by request (register x3, probe x5): " + timings);
        assertThat(app.fallbacks(RouteGroup.REGISTER)).isEqualTo(registerFallbacks + 3);
    }

    /** Waits until a request is counted in Redis again (the probe route shows a count only then). */
    private static void awaitRedisBackedLimits() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (app.get(PROBE).headers().firstValue("X-RateLimit-Remaining").isEmpty()) {
            assertThat(System.nanoTime()).as("Redis-backed limits resumed").isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    private static String remaining(HttpResponse<String> response) {
        assertThat(response.statusCode()).isNotEqualTo(429);
        return response.headers().firstValue("X-RateLimit-Remaining").orElse("none");
    }

    private static HttpResponse<String> timed(List<String> timings, Supplier<HttpResponse<String>> request) {
        long started = System.nanoTime();
        HttpResponse<String> response = request.get();
        timings.add(String.format("%.1f ms", (System.nanoTime() - started) / 1e6));
        return response;
    }
}
