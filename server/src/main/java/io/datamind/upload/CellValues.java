package io.datamind.upload;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How cell text reads as a typed value. Type inference and loading share these rules, so a value that made a column
 * numeric always converts when it is loaded.
 */
final class CellValues {

    /** No leading zeros ("007" is an identifier, not a number) and no thousands separators. */
    private static final Pattern INTEGER = Pattern.compile("[+-]?(0|[1-9][0-9]*)");

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(0|[1-9][0-9]*)?\\.[0-9]+|[+-]?(0|[1-9][0-9]*)");
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?(0|[1-9][0-9]*)(\\.[0-9]+)?[eE][+-]?[0-9]{1,3}");

    /** Date layouts in order of preference: when several read every value of a column, the first wins. */
    static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            strict("uuuu-MM-dd"), strict("uuuu/M/d"), strict("M/d/uuuu"), strict("d/M/uuuu"), strict("d.M.uuuu"));

    /** ISO dates with a time (T between; a space is read as T), optional seconds, fraction and offset. */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(strict("uuuu-MM-dd"))
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2)
            .appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart()
            .appendLiteral(':')
            .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true)
            .optionalEnd()
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH:MM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HHMM", "Z")
            .optionalEnd()
            .optionalStart()
            .appendOffset("+HH", "Z")
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private CellValues() {}

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    }

    /** Null for a missing or blank cell; otherwise the text without surrounding white space. */
    static String clean(String cell) {
        if (cell == null) {
            return null;
        }
        String trimmed = cell.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static boolean isBoolean(String value) {
        return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }

    static boolean parseBoolean(String value) {
        return value.equalsIgnoreCase("true");
    }

    /** An integer that fits a BIGINT. */
    static boolean isInteger(String value) {
        if (value.length() > 20 || !INTEGER.matcher(value).matches()) {
            return false;
        }
        try {
            Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static long parseInteger(String value) {
        return Long.parseLong(value.startsWith("+") ? value.substring(1) : value);
    }

    /** A plain decimal (digits, an optional point): exact, so it can be a DECIMAL. */
    static boolean isPlainDecimal(String value) {
        return value.length() <= 200 && DECIMAL.matcher(value).matches();
    }

    /** A number in scientific notation, such as {@code 1.5E-3}: only a DOUBLE holds these. */
    static boolean isScientific(String value) {
        return value.length() <= 200 && SCIENTIFIC.matcher(value).matches();
    }

    static BigDecimal parseDecimal(String value) {
        return new BigDecimal(value.startsWith("+") ? value.substring(1) : value);
    }

    static double parseDouble(String value) {
        return Double.parseDouble(value);
    }

    /** Digits before the point, at least one. */
    static int integerDigits(BigDecimal value) {
        return Math.max(1, value.precision() - value.scale());
    }

    static boolean isDate(String value, DateTimeFormatter format) {
        if (value.length() > 10) {
            return false;
        }
        try {
            format.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static LocalDate parseDate(String value, DateTimeFormatter format) {
        return LocalDate.parse(value, format);
    }

    /** An ISO date, alone or with a time; values with an offset are converted to UTC. */
    static boolean isTimestamp(String value) {
        return value.length() <= 40 && parseTimestamp(value) != null;
    }

    static LocalDateTime parseTimestamp(String value) {
        if (value.length() == 10) {
            return isDate(value, DATE_FORMATS.get(0))
                    ? LocalDate.parse(value, DATE_FORMATS.get(0)).atStartOfDay()
                    : null;
        }
        if (value.length() < 16 || (value.charAt(10) != 'T' && value.charAt(10) != ' ')) {
            return null;
        }
        TemporalAccessor parsed;
        try {
            parsed = TIMESTAMP.parse(value.substring(0, 10) + 'T' + value.substring(11));
        } catch (DateTimeParseException e) {
            return null;
        }
        LocalDateTime local = LocalDateTime.of(
                LocalDate.from(parsed),
                LocalTime.of(
                        parsed.get(ChronoField.HOUR_OF_DAY),
                        parsed.get(ChronoField.MINUTE_OF_HOUR),
                        parsed.isSupported(ChronoField.SECOND_OF_MINUTE) ? parsed.get(ChronoField.SECOND_OF_MINUTE) : 0,
                        parsed.isSupported(ChronoField.NANO_OF_SECOND) ? parsed.get(ChronoField.NANO_OF_SECOND) : 0));
        if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
            ZoneOffset offset = ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS));
            return OffsetDateTime.of(local, offset)
                    .withOffsetSameInstant(ZoneOffset.UTC)
                    .toLocalDateTime();
        }
        return local;
    }
}
