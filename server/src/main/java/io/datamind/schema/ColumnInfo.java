package io.datamind.schema;

import java.util.List;

/**
 * A column.
 *
 * @param type the database's type name, e.g. {@code varchar(40)} or {@code INTEGER}
 * @param category the normalized kind used for reasoning: number, integer, text, boolean, date, timestamp, time,
 *     binary or other
 * @param sampleValues up to 50 distinct values of a low-cardinality text column; empty otherwise
 */
public record ColumnInfo(
        String name,
        String type,
        String category,
        boolean nullable,
        int position,
        String comment,
        List<String> sampleValues) {

    public ColumnInfo {
        sampleValues = List.copyOf(sampleValues);
    }
}
