package io.datamind.ask;

import java.util.List;

/**
 * The values a chart is drawn from: the chart's own columns of the whole result, reduced to what a chart can show.
 *
 * @param columns the columns the chart uses (x, series and measures), in the result's order
 * @param rows their values, at most {@link ChartPoints#MAX_ROWS}
 * @param rowCount rows of the result the chart was chosen on
 * @param sampling {@code all} (every row), {@code evenly_spaced} (every n-th x value of a line, or row of a scatter,
 *     the last one included) or {@code first_rows} (the first rows in the query's order, for bars)
 */
public record ChartData(List<ChatAnswer.Column> columns, List<List<Object>> rows, long rowCount, String sampling) {

    static final String ALL = "all";
    static final String EVENLY_SPACED = "evenly_spaced";
    static final String FIRST_ROWS = "first_rows";
}
