package io.datamind.query;

import java.util.List;

/**
 * A finished query. Values are JSON-friendly: {@code null}, {@link String}, {@link Boolean}, {@link Integer},
 * {@link Long}, {@link Double}, {@link java.math.BigDecimal}, {@link java.math.BigInteger} or a {@link List} of those.
 * Dates, times and timestamps are ISO-8601 strings; binary values are base64 (or {@code <binary N bytes>} when large).
 *
 * @param rowCount rows delivered, equal to {@code rows.size()}
 * @param truncated the row or byte limit stopped the query before its last row
 */
public record QueryResult(
        List<ResultColumn> columns, List<List<Object>> rows, long rowCount, boolean truncated, long durationMs) {

    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
