package io.datamind.ratelimit;

import static io.datamind.ratelimit.RateLimitProbe.LOGIN;
import static io.datamind.ratelimit.RateLimitProbe.PROBE;
import static io.datamind.ratelimit.RateLimitProbe.REGISTER;
import static io.datamind.ratelimit.RateLimitProbe.TEST_USER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.ChatSocketClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Without Redis every limit is kept in process. The loopback address is a trusted proxy here, so each test picks
 * its own client address with {@code X-Forwarded-For} and starts with full buckets.
 */
class RateLimitInProcessTest {

    private static final String XFF = "X-Forwarded-For";
    private static final String PROTECTED = "/api/v1/connections";
    private static RunningApp app;

    @BeforeAll
    static void start() {
        app = RunningApp.start(
                "--datamind.redis.url=",
                "--datamind.security.trusted-proxies=127.0.0.1,10.0.0.0/8",
                "--datamind.rate-limit.login.requests=3",
                "--datamind.rate-limit.login.period=1h",
                "--datamind.rate-limit.api.requests=3",
                "--datamind.rate-limit.api.period=1h",
                "--datamind.rate-limit.unauthenticated.requests=3",
                "--datamind.rate-limit.unauthenticated.period=1h");
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void overTheLimitIsA429ProblemWithRetryAfter() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> allowed = app.post(LOGIN, XFF, "203.0.113.1");
            assertThat(allowed.statusCode()).isNotEqualTo(429);
            assertThat(allowed.headers().firstValue("X-RateLimit-Limit")).hasValue("3");
            assertThat(allowed.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        }

        HttpResponse<String> limited = app.post(LOGIN, XFF, "203.0.113.1");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // 3 per hour refill one token every 20 minutes.
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1100L, 1200L);
        assertThat(limited.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        JsonNode problem = JsonMapper.builder().build().readTree(limited.body());
        assertThat(problem.get("status").asInt()).isEqualTo(429);
        assertThat(problem.get("title").asString()).isEqualTo("Too many requests");
        assertThat(problem.get("detail").asString()).startsWith("Too many requests; try again in ");
        assertThat(problem.get("instance").asString()).isEqualTo(LOGIN);
        assertThat(problem.get("requestId").asString())
                .isEqualTo(limited.headers().firstValue("X-Request-ID").orElseThrow());
    }

    @Test
    void groupsAreCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            assertThat(app.post(LOGIN, XFF, "203.0.113.2").statusCode()).isNotEqualTo(429);
        }
        assertThat(app.post(LOGIN, XFF, "203.0.113.2").statusCode()).isEqualTo(429);

        HttpResponse<String> otherGroup = app.get(PROBE, XFF, "203.0.113.2");

        assertThat(otherGroup.statusCode()).isEqualTo(200);
        assertThat(otherGroup.headers().firstValue("X-RateLimit-Remaining")).hasValue("2");
    }

    @Test
    void healthAndDocsAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> health = app.get("/api/v1/health", XFF, "203.0.113.3");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
        for (int i = 0; i < 5; i++) {
            HttpResponse<String> docs = app.get("/v3/api-docs", XFF, "203.0.113.3");
            assertThat(docs.statusCode()).isEqualTo(200);
            assertThat(docs.headers().firstValue("X-RateLimit-Remaining")).isEmpty();
        }
    }

    @Test
    void forwardedForFromATrustedProxyNamesTheClient() {
        for (int i = 0; i < 3; i++) {
            assertThat(app.post(LOGIN, XFF, "203.0.113.4").statusCode()).isNotEqualTo(429);
        }
        assertThat(app.post(LOGIN, XFF, "203.0.113.4").statusCode()).isEqualTo(429);

        // Another client behind the same proxy has its own bucket.
        assertThat(app.post(LOGIN, XFF, "203.0.113.5").statusCode()).isNotEqualTo(429);
        // What the client wrote itself (left of the address the proxy saw) is ignored...
        assertThat(app.post(LOGIN, XFF, "198.51.100.77, 203.0.113.4").statusCode())
                .isEqualTo(429);
        // ...and trusted proxies in the chain are skipped, from the right.
        assertThat(app.post(LOGIN, XFF, "203.0.113.4, 10.1.2.3").statusCode()).isEqualTo(429);
        assertThat(app.post(LOGIN, XFF, "203.0.113.4", XFF, "10.1.2.3").statusCode())
                .isEqualTo(429);
    }

    @Test
    void signedInUserIsCountedByNameNotAddress() {
        // Seen only if the limit runs after Spring Security has set the user: proves the filter order.
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> response = app.get(PROBE, TEST_USER, "bob", XFF, "203.0.113." + (10 + remaining));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        }
        assertThat(app.get(PROBE, TEST_USER, "bob", XFF, "203.0.113.20").statusCode())
                .isEqualTo(429);

        assertThat(app.get(PROBE, XFF, "203.0.113.10").statusCode()).isEqualTo(200);
        assertThat(app.get(PROBE, TEST_USER, "carol", XFF, "203.0.113.10").statusCode())
                .isEqualTo(200);
    }

    @Test
    void aFloodOfBadTokensIsLimitedByAddressWhileSignedInRequestsAreNot() {
        String flooder = "203.0.113.30";
        // Spring Security turns these away before the rate-limit filter; they count against the address instead.
        for (int remaining = 2; remaining >= 0; remaining--) {
            HttpResponse<String> refused =
                    app.get(PROTECTED, "Authorization", "Bearer forged." + remaining + ".token", XFF, flooder);
            assertThat(refused.statusCode()).isEqualTo(401);
            assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
            assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue(Integer.toString(remaining));
        }

        HttpResponse<String> limited = app.get(PROTECTED, "Authorization", "Bearer forged.again", XFF, flooder);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow()))
                .isBetween(1100L, 1200L);
        // No token at all fails authentication too, and shares the address's bucket.
        assertThat(app.get(PROTECTED, XFF, flooder).statusCode()).isEqualTo(429);
        assertThat(app.send("DELETE", PROTECTED + "/x", "Authorization", "Bearer forged", XFF, flooder)
                        .statusCode())
                .isEqualTo(429);
        // Another address has its own bucket.
        assertThat(app.get(PROTECTED, "Authorization", "Bearer forged", XFF, "203.0.113.31")
                        .statusCode())
                .isEqualTo(401);

        // A member signed in from the flooding address is not affected: counted by name, in the API group.
        String accessToken = signIn("203.0.113.32");
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> me = app.get("/api/v1/me", "Authorization", "Bearer " + accessToken, XFF, flooder);
            assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
            assertThat(me.headers().firstValue("X-RateLimit-Limit"))
                    .as("the API group's limit")
                    .hasValue("3");
        }
        assertThat(app.get(PROTECTED, "Authorization", "Bearer forged", XFF, flooder)
                        .statusCode())
                .as("the flood stays limited")
                .isEqualTo(429);
    }

    @Test
    void badCredentialsOnTheChatSocketShareTheAddressLimit() {
        String flooder = "203.0.113.40";
        int port = app.port();
        // In the first message: a 401 event while the address has tries left, then a 429 event.
        for (int i = 0; i < 2; i++) {
            try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of(XFF, flooder))) {
                socket.send(Map.of("type", "auth", "token", "forged." + i));
                assertThat(socket.next(Duration.ofSeconds(10))
                                .get("problem")
                                .get("status")
                                .asInt())
                        .isEqualTo(401);
            }
        }
        // With the handshake: counted too.
        try (ChatSocketClient socket =
                ChatSocketClient.connect(port, Map.of(XFF, flooder, "Authorization", "Bearer forged.2"))) {
            assertThat(socket.next(Duration.ofSeconds(10))
                            .get("problem")
                            .get("status")
                            .asInt())
                    .isEqualTo(401);
        }
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of(XFF, flooder))) {
            socket.send(Map.of("type", "auth", "token", "forged.3"));
            JsonNode limited = socket.next(Duration.ofSeconds(10)).get("problem");
            assertThat(limited.get("status").asInt()).isEqualTo(429);
            assertThat(limited.get("detail").asString()).startsWith("Too many failed sign-ins; try again in ");
        }
        assertThatThrownBy(() -> ChatSocketClient.connect(port, Map.of(XFF, flooder, "Authorization", "Bearer x")))
                .isInstanceOfSatisfying(
                        ChatSocketClient.HandshakeRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(429));
        // The REST API sees the same bucket.
        assertThat(app.get(PROTECTED, "Authorization", "Bearer forged", XFF, flooder)
                        .statusCode())
                .isEqualTo(429);
    }

    /** Registers an organization and signs its owner in from this address; returns the access token. */
    private static String signIn(String address) {
        String email = "owner-" + UUID.randomUUID() + "@example.com";
        String password = "violet-harbour-canoe-42";
        HttpResponse<String> registered = app.postJson(
                REGISTER,
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"fullName\":\"Owner\","
                        + "\"orgName\":\"Flooded\",\"orgSlug\":\"flooded-"
                        + UUID.randomUUID().toString().substring(0, 8)
                        + "\"}",
                XFF,
                address);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        HttpResponse<String> token = app.postJson(
                "/api/v1/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}", XFF, address);
        assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
        return JsonMapper.builder()
                .build()
                .readTree(token.body())
                .get("accessToken")
                .asString();
    }

    @Test
    void printsInProcessLatency() {
        RateLimiter limiter = app.context().getBean(RateLimiter.class);
        AtomicInteger caller = new AtomicInteger();
        Latency.print(
                "in-process decision (no Redis)",
                2000,
                () -> limiter.tryAcquire(RouteGroup.API, "ip:198.51.100." + caller.incrementAndGet() % 250));
        Latency.print(
                "in-process request GET probe",
                100,
                () -> app.get(PROBE, TEST_USER, "latency-" + caller.incrementAndGet()));
    }
}
