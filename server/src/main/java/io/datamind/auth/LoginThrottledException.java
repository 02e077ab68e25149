package io.datamind.auth;

import io.datamind.common.ApiException;
import java.time.Duration;
import org.springframework.http.HttpStatus;

/** Answered with 429 and {@code Retry-After}. */
class LoginThrottledException extends ApiException {

    private final Duration retryAfter;

    LoginThrottledException(Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed sign-ins",
                "Too many failed sign-ins for this email from your address; try again in " + seconds(retryAfter)
                        + " seconds");
        this.retryAfter = retryAfter;
    }

    long retryAfterSeconds() {
        return seconds(retryAfter);
    }

    private static long seconds(Duration duration) {
        return Math.max(1, (duration.toMillis() + 999) / 1000);
    }
}
