package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Sign-in says nothing about which emails have accounts: same status, same body, same time. */
@IntegrationTest
class LoginEnumerationTest {

    private static final int TRIES = 30;
    private static final int MAX_BATCHES = 5;
    // Failures per account stay below the throttle's free failures, so no attempt is refused early.
    private static final int FAILURES_PER_ACCOUNT = 4;

    @LocalServerPort
    int port;

    @Test
    void unknownEmailAndWrongPasswordGetTheSameAnswer() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        HttpApi.Response wrongPassword = attempt(api, owner.email());
        HttpApi.Response unknownEmail = attempt(api, TestAccounts.unique("nobody") + "@example.com");

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknownEmail.status()).isEqualTo(401);
        assertThat(withoutRequestSpecifics(wrongPassword.json()))
                .isEqualTo(withoutRequestSpecifics(unknownEmail.json()));
        assertThat(wrongPassword.header("Content-Type")).isEqualTo(unknownEmail.header("Content-Type"));
    }

    /**
     * Medians of {@value #TRIES} interleaved tries each must be within 10 ms. On a loaded machine one batch can be
     * noisy, so up to {@value #MAX_BATCHES} batches are pooled before judging: noise shrinks as samples grow, a
     * real difference (skipping the hash costs the whole Argon2 time) does not.
     */
    @Test
    void unknownEmailTakesAsLongAsAWrongPassword() {
        HttpApi api = new HttpApi(port);
        // Warm up both paths (JIT, connection pool) before measuring.
        for (int i = 0; i < 3; i++) {
            attempt(api, TestAccounts.unique("warm") + "@example.com");
        }
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownEmail = new ArrayList<>();
        Random random = new Random();
        double difference = Double.MAX_VALUE;
        for (int batch = 1; batch <= MAX_BATCHES && difference >= 10.0; batch++) {
            List<String> existing = new ArrayList<>();
            for (int i = 0; i < (TRIES + FAILURES_PER_ACCOUNT - 1) / FAILURES_PER_ACCOUNT; i++) {
                existing.add(TestAccounts.registerOwner(api).email());
            }
            for (int i = 0; i < TRIES; i++) {
                // Interleaved, so a slow patch of the shared machine hits both sides alike, in random order
                // within each pair, so a periodic cost (a GC every other 19 MiB hash) does not always land on
                // the same side.
                String known = existing.get(i / FAILURES_PER_ACCOUNT);
                String unknown = TestAccounts.unique("nobody") + "@example.com";
                if (random.nextBoolean()) {
                    wrongPassword.add(timed(api, known));
                    unknownEmail.add(timed(api, unknown));
                } else {
                    unknownEmail.add(timed(api, unknown));
                    wrongPassword.add(timed(api, known));
                }
            }
            double wrongMedian = median(wrongPassword) / 1e6;
            double unknownMedian = median(unknownEmail) / 1e6;
            difference = Math.abs(wrongMedian - unknownMedian);
            System.out.printf(
                    "login timing medians over %d tries each: wrong password %.1f ms, unknown email %.1f ms%n",
                    wrongPassword.size(), wrongMedian, unknownMedian);
        }
        assertThat(difference).isLessThan(10.0);
    }

    @Test
    void repeatedFailuresSlowThatAccountDownForThisClient() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        // Five failures are free; the sixth starts the delay.
        for (int i = 0; i < 6; i++) {
            assertThat(attempt(api, owner.email()).status()).isEqualTo(401);
        }
        HttpApi.Response throttled = attempt(api, owner.email());
        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).contains("1");
        assertThat(throttled.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        // Even the right password waits: the attempt is refused before the password is checked.
        HttpApi.Response rightPassword = api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
        assertThat(rightPassword.status()).isEqualTo(429);
        // Unknown emails are slowed down the same way, so the delay reveals nothing either.
        String nobody = TestAccounts.unique("nobody") + "@example.com";
        for (int i = 0; i < 6; i++) {
            assertThat(attempt(api, nobody).status()).isEqualTo(401);
        }
        assertThat(attempt(api, nobody).status()).isEqualTo(429);
    }

    private static HttpApi.Response attempt(HttpApi api, String email) {
        return api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", email, "password", "not-the-password-at-all"))
                .send();
    }

    private static long timed(HttpApi api, String email) {
        long started = System.nanoTime();
        int status = attempt(api, email).status();
        long elapsed = System.nanoTime() - started;
        assertThat(status).isEqualTo(401);
        return elapsed;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
    }

    private static JsonNode withoutRequestSpecifics(JsonNode problem) {
        tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) problem.deepCopy();
        copy.remove("requestId");
        return copy;
    }
}
