package io.datamind.ratelimit;

import static io.datamind.ratelimit.RateLimitProbe.LOGIN;
import static io.datamind.ratelimit.RateLimitProbe.PROBE;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RateLimitDisabledTest {

    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(
                "--datamind.redis.url=",
                "--datamind.rate-limit.enabled=false",
                "--datamind.rate-limit.login.requests=1",
                "--datamind.rate-limit.api.requests=1",
                "--datamind.rate-limit.unauthenticated.requests=1");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void switchedOffNothingIsLimitedOrCounted() {
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> login = app.post(LOGIN);
            HttpResponse<String> other = app.get(PROBE);
            assertThat(login.statusCode()).isNotEqualTo(429);
            assertThat(other.statusCode()).isEqualTo(200);
            assertThat(login.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
            assertThat(other.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> refused = app.get("/api/v1/connections", "Authorization", "Bearer forged");
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        assertThat(app.context().getBeansOfType(RateLimiter.class)).isEmpty();
        assertThat(app.context().getBeansOfType(FailedAuthentications.class)).isEmpty();
    }
}
