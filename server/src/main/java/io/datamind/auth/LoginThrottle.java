package io.datamind.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Growing delay after repeated failed sign-ins for one email from one client IP. The key is the submitted email,
 * whether or not an account has it, so the delay says nothing about which emails exist; and it includes the IP,
 * so failures from an attacker never delay the real user signing in from elsewhere. While delayed, attempts are
 * refused without checking the password. Held in process: each instance counts its own attempts, and the rate
 * limiter caps attempts per IP across instances.
 */
@Component
class LoginThrottle {

    private static final int MAX_TRACKED = 100_000;

    private final SecurityProperties.LoginThrottle settings;
    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    @Autowired
    LoginThrottle(SecurityProperties properties) {
        this(properties.loginThrottle(), Clock.systemUTC());
    }

    LoginThrottle(SecurityProperties.LoginThrottle settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    /** How long this email and IP must still wait, if they must. */
    Optional<Duration> waitFor(String email, String clientIp) {
        Failures current = failures.get(key(email, clientIp));
        if (current == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (current.blockedUntil() != null && now.isBefore(current.blockedUntil())) {
            return Optional.of(Duration.between(now, current.blockedUntil()));
        }
        return Optional.empty();
    }

    void failed(String email, String clientIp) {
        Instant now = clock.instant();
        if (failures.size() > MAX_TRACKED) {
            failures.values().removeIf(f -> f.isStale(now, settings.forgetAfter()));
        }
        failures.compute(key(email, clientIp), (key, previous) -> {
            int count = previous == null || previous.isStale(now, settings.forgetAfter()) ? 1 : previous.count() + 1;
            return new Failures(count, now, count > settings.freeFailures() ? now.plus(delay(count)) : null);
        });
    }

    void succeeded(String email, String clientIp) {
        failures.remove(key(email, clientIp));
    }

    /** The wait after the {@code count}-th failure: base, 2×base, 4×base... up to the cap. */
    Duration delay(int count) {
        int doublings = Math.min(count - settings.freeFailures() - 1, 30);
        Duration delay = settings.baseDelay().multipliedBy(1L << Math.max(0, doublings));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    private static String key(String email, String clientIp) {
        return email + "|" + clientIp;
    }

    private record Failures(int count, Instant lastFailure, Instant blockedUntil) {
        boolean isStale(Instant now, Duration forgetAfter) {
            return lastFailure.plus(forgetAfter).isBefore(now);
        }
    }
}
