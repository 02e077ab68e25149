package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Retry-After in its three spellings, and the backoff between attempts. */
class RetryTimingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    private static Optional<Duration> retryAfter(Map<String, String> headers) {
        return RetryAfter.from(name -> headers.containsKey(name) ? List.of(headers.get(name)) : List.of(), CLOCK);
    }

    @Test
    void retryAfterInSecondsAsAnHttpDateOrInMilliseconds() {
        assertThat(retryAfter(Map.of("retry-after", "1"))).contains(Duration.ofSeconds(1));
        assertThat(retryAfter(Map.of("retry-after", "2.5"))).contains(Duration.ofMillis(2500));
        assertThat(retryAfter(Map.of("retry-after", "Mon, 02 Mar 2026 10:00:30 GMT")))
                .contains(Duration.ofSeconds(30));
        assertThat(retryAfter(Map.of("retry-after", "Mon, 02 Mar 2026 09:59:00 GMT")))
                .contains(Duration.ZERO);
        assertThat(retryAfter(Map.of("retry-after", "-4"))).contains(Duration.ZERO);
        assertThat(retryAfter(Map.of("retry-after-ms", "750", "retry-after", "1")))
                .contains(Duration.ofMillis(750));
        assertThat(retryAfter(Map.of("retry-after", "soon"))).isEmpty();
        assertThat(retryAfter(Map.of())).isEmpty();
    }

    @Test
    void backoffDoublesWithJitterAndStaysUnderTheCap() {
        RetryPolicy policy =
                new RetryPolicy(5, Duration.ofMillis(1000), Duration.ofMillis(3000), RetryPolicy.Pause.SLEEP);
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayBefore(2, Optional.empty()).orElseThrow())
                    .isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
            assertThat(policy.delayBefore(3, Optional.empty()).orElseThrow())
                    .isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
            assertThat(policy.delayBefore(5, Optional.empty()).orElseThrow())
                    .isBetween(Duration.ofMillis(2000), Duration.ofMillis(3000));
        }
    }

    @Test
    void aRetryAfterIsHonouredExactlyUnlessItIsLongerThanTheCap() {
        RetryPolicy policy =
                new RetryPolicy(3, Duration.ofMillis(1000), Duration.ofSeconds(30), RetryPolicy.Pause.SLEEP);

        assertThat(policy.delayBefore(2, Optional.of(Duration.ofSeconds(7)))).contains(Duration.ofSeconds(7));
        assertThat(policy.delayBefore(2, Optional.of(Duration.ofSeconds(30)))).contains(Duration.ofSeconds(30));
        assertThat(policy.delayBefore(2, Optional.of(Duration.ofSeconds(31)))).isEmpty();
    }

    @Test
    void aCancelEndsTheWaitBetweenAttempts() {
        CancellationToken cancel = new CancellationToken();
        new Thread(cancel::cancel).start();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> RetryPolicy.Pause.SLEEP.pause(Duration.ofMinutes(10), cancel));

        assertThat(failure).isInstanceOf(LlmException.class);
        assertThat(((LlmException) failure).category()).isEqualTo(LlmException.Category.CANCELLED);
    }
}
