package io.datamind.llm;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads how long a provider asks to be left alone: {@code retry-after-ms} (Anthropic, OpenAI), else {@code
 * Retry-After} in seconds or as an HTTP date (RFC 9110).
 */
final class RetryAfter {

    private RetryAfter() {}

    /** @param header the values of a response header by name, case-insensitive; empty when absent */
    static Optional<Duration> from(Function<String, List<String>> header, Clock clock) {
        Optional<Duration> millis = first(header.apply("retry-after-ms")).flatMap(RetryAfter::parseMillis);
        if (millis.isPresent()) {
            return millis;
        }
        return first(header.apply("retry-after")).flatMap(value -> parse(value, clock));
    }

    static Optional<Duration> parse(String value, Clock clock) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (Character.isDigit(trimmed.charAt(0)) || trimmed.charAt(0) == '-') {
            try {
                double seconds = Double.parseDouble(trimmed);
                return Optional.of(nonNegative(Duration.ofMillis(Math.round(seconds * 1000))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseMillis(String value) {
        try {
            return Optional.of(nonNegative(Duration.ofMillis(Math.round(Double.parseDouble(value.trim())))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> first(List<String> values) {
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    private static Duration nonNegative(Duration duration) {
        return duration.isNegative() ? Duration.ZERO : duration;
    }
}
