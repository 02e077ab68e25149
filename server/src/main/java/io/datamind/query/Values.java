package io.datamind.query;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Struct;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns what JDBC drivers return into JSON-friendly values, and estimates their size as JSON. */
final class Values {

    /** Binary values up to this size are sent as base64; larger ones only as a marker with their size. */
    static final int MAX_INLINE_BINARY = 4096;

    private Values() {}

    static Object json(Object value) throws SQLException {
        if (value == null
                || value instanceof String
                || value instanceof Boolean
                || value instanceof Integer
                || value instanceof Long
                || value instanceof BigDecimal
                || value instanceof BigInteger) {
            return value;
        }
        if (value instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? d.toString() : d;
        }
        if (value instanceof Float f) {
            return f.isNaN() || f.isInfinite() ? f.toString() : f;
        }
        if (value instanceof Short || value instanceof Byte) {
            return ((Number) value).intValue();
        }
        if (value instanceof byte[] bytes) {
            return binary(bytes);
        }
        if (value instanceof java.sql.Timestamp ts) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ts.toLocalDateTime());
        }
        if (value instanceof java.sql.Date date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date.toLocalDate());
        }
        if (value instanceof java.sql.Time time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time.toLocalTime());
        }
        if (value instanceof LocalDateTime ldt) {
            return DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(ldt);
        }
        if (value instanceof LocalDate date) {
            return DateTimeFormatter.ISO_LOCAL_DATE.format(date);
        }
        if (value instanceof LocalTime time) {
            return DateTimeFormatter.ISO_LOCAL_TIME.format(time);
        }
        if (value instanceof OffsetDateTime odt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(odt);
        }
        if (value instanceof ZonedDateTime zdt) {
            return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(zdt.toOffsetDateTime());
        }
        if (value instanceof OffsetTime time) {
            return DateTimeFormatter.ISO_OFFSET_TIME.format(time);
        }
        if (value instanceof Instant instant) {
            return instant.toString();
        }
        if (value instanceof java.util.Date date) {
            return date.toInstant().toString();
        }
        if (value instanceof UUID || value instanceof Character) {
            return value.toString();
        }
        if (value instanceof Array array) {
            try {
                return json(array.getArray());
            } finally {
                array.free();
            }
        }
        if (value instanceof Object[] items) {
            List<Object> list = new ArrayList<>(items.length);
            for (Object item : items) {
                list.add(json(item));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(json(java.lang.reflect.Array.get(value, i)));
            }
            return list;
        }
        if (value instanceof Collection<?> items) {
            List<Object> list = new ArrayList<>(items.size());
            for (Object item : items) {
                list.add(json(item));
            }
            return list;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> result = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                result.put(String.valueOf(entry.getKey()), json(entry.getValue()));
            }
            return result;
        }
        if (value instanceof Struct struct) {
            return json(struct.getAttributes());
        }
        if (value instanceof Blob blob) {
            try {
                long length = blob.length();
                return length > MAX_INLINE_BINARY ? binaryMarker(length) : binary(blob.getBytes(1, (int) length));
            } finally {
                blob.free();
            }
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
            } finally {
                clob.free();
            }
        }
        if (value instanceof SQLXML xml) {
            return xml.getString();
        }
        // Driver-specific objects (PostgreSQL json, interval, DuckDB blobs...) print their SQL text form.
        return value.toString();
    }

    static String binary(byte[] bytes) {
        return bytes.length > MAX_INLINE_BINARY
                ? binaryMarker(bytes.length)
                : Base64.getEncoder().encodeToString(bytes);
    }

    private static String binaryMarker(long length) {
        return "<binary " + length + " bytes>";
    }

    /** Approximate size as JSON; cheap rather than exact (escapes and multi-byte characters are not counted). */
    static long jsonSize(Object value) {
        if (value == null) {
            return 4;
        }
        if (value instanceof String s) {
            return s.length() + 2L;
        }
        if (value instanceof Integer || value instanceof Long) {
            return 8;
        }
        if (value instanceof BigDecimal d) {
            return d.precision() + 2L;
        }
        if (value instanceof Boolean) {
            return 5;
        }
        if (value instanceof List<?> list) {
            long size = 2;
            for (Object item : list) {
                size += jsonSize(item) + 1;
            }
            return size;
        }
        if (value instanceof Map<?, ?> map) {
            long size = 2;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += entry.getKey().toString().length() + 4L + jsonSize(entry.getValue());
            }
            return size;
        }
        return 16;
    }
}
