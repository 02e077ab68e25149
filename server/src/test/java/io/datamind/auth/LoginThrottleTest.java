package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final LoginThrottle throttle = new LoginThrottle(
            new SecurityProperties.LoginThrottle(
                    3, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(15)),
            clock);

    @Test
    void firstFailuresAreFreeThenTheDelayDoublesUpToTheCap() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("a@example.com", "10.0.0.1");
            assertThat(throttle.waitFor("a@example.com", "10.0.0.1")).isEmpty();
        }
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitFor("a@example.com", "10.0.0.1")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitFor("a@example.com", "10.0.0.1")).contains(Duration.ofSeconds(2));
        clock.advance(Duration.ofSeconds(2));
        throttle.failed("a@example.com", "10.0.0.1");
        assertThat(throttle.waitFor("a@example.com", "10.0.0.1")).contains(Duration.ofSeconds(4));
        assertThat(throttle.delay(50)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void anAttackerElsewhereNeverDelaysTheRealUser() {
        for (int i = 0; i < 20; i++) {
            throttle.failed("victim@example.com", "203.0.113.66");
        }
        assertThat(throttle.waitFor("victim@example.com", "203.0.113.66")).isPresent();
        assertThat(throttle.waitFor("victim@example.com", "198.51.100.7")).isEmpty();
    }

    @Test
    void successAndQuietTimeReset() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("b@example.com", "10.0.0.2");
        }
        assertThat(throttle.waitFor("b@example.com", "10.0.0.2")).isPresent();
        throttle.succeeded("b@example.com", "10.0.0.2");
        assertThat(throttle.waitFor("b@example.com", "10.0.0.2")).isEmpty();

        for (int i = 0; i < 5; i++) {
            throttle.failed("c@example.com", "10.0.0.3");
        }
        clock.advance(Duration.ofMinutes(16));
        throttle.failed("c@example.com", "10.0.0.3");
        assertThat(throttle.waitFor("c@example.com", "10.0.0.3"))
                .as("counting starts over")
                .isEmpty();
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
