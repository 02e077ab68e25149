package io.datamind.ask;

import java.util.List;

/**
 * How to draw a result; the web app renders it with ECharts.
 *
 * @param type {@code kpi}, {@code line}, {@code bar}, {@code horizontal_bar}, {@code grouped_bar},
 *     {@code stacked_bar}, {@code pie}, {@code scatter} or {@code table}
 * @param x the category, time or first measure column; null for kpi and table
 * @param y the measure columns
 * @param series the second category column that splits bars into groups or stacks, or a line into one line per
 *     value; null otherwise
 * @param title a short title
 * @param data the values to draw, taken from every row of the result the chart was chosen on (the answer's
 *     {@code rows} are only a preview); null for {@code table}, and in answers stored before it existed
 */
public record ChartSpec(String type, String x, List<String> y, String series, String title, ChartData data) {

    ChartSpec(String type, String x, List<String> y, String series, String title) {
        this(type, x, y, series, title, null);
    }

    ChartSpec withData(ChartData values) {
        return new ChartSpec(type, x, y, series, title, values);
    }
}
