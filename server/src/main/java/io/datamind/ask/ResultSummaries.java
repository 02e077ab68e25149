package io.datamind.ask;

import io.datamind.query.QueryResult;
import io.datamind.query.ResultColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Short descriptions of a result for prompts: the shape, per-column statistics and a few sample rows, never the whole
 * result. The analysis prompt gets the full summary, a later question of the conversation the one-line one.
 */
final class ResultSummaries {

    private static final int SAMPLE_ROWS = 8;
    private static final int TOP_VALUES = 5;
    private static final int MAX_CELL = 60;

    private ResultSummaries() {}

    /** One line: row count, columns and the first row. */
    static String brief(QueryResult result) {
        StringBuilder s = new StringBuilder();
        s.append(result.rowCount()).append(result.rowCount() == 1 ? " row" : " rows");
        if (result.truncated()) {
            s.append(" (truncated)");
        }
        s.append("; columns: ");
        List<String> columns = new ArrayList<>();
        for (ResultColumn column : result.columns()) {
            columns.add(column.name() + " (" + column.type() + ")");
        }
        s.append(String.join(", ", columns));
        if (!result.rows().isEmpty()) {
            s.append("; first row: ").append(row(result.rows().get(0)));
        }
        return s.toString();
    }

    /** Several lines for the analysis: shape, statistics per column and a small sample. */
    static String detailed(QueryResult result) {
        StringBuilder s = new StringBuilder(brief(result)).append('\n');
        List<List<Object>> rows = result.rows();
        for (int c = 0; c < result.columns().size(); c++) {
            ResultColumn column = result.columns().get(c);
            s.append("- ").append(column.name()).append(": ");
            if (numeric(column)) {
                s.append(numbers(rows, c));
            } else {
                s.append(values(rows, c));
            }
            s.append('\n');
        }
        if (!rows.isEmpty()) {
            s.append("Sample rows (")
                    .append(Math.min(SAMPLE_ROWS, rows.size()))
                    .append(" of ")
                    .append(rows.size())
                    .append("):\n");
            List<String> names = new ArrayList<>();
            result.columns().forEach(column -> names.add(column.name()));
            s.append(String.join(" | ", names)).append('\n');
            for (List<Object> row : rows.subList(0, Math.min(SAMPLE_ROWS, rows.size()))) {
                s.append(row(row)).append('\n');
            }
        }
        return s.toString();
    }

    static boolean numeric(ResultColumn column) {
        return column.type().equals("number") || column.type().equals("integer");
    }

    private static String numbers(List<List<Object>> rows, int c) {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        int count = 0;
        int nulls = 0;
        for (List<Object> row : rows) {
            Double v = number(row.get(c));
            if (v == null) {
                nulls++;
                continue;
            }
            count++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (count == 0) {
            return "no values";
        }
        return "min " + format(min) + ", max " + format(max) + ", sum " + format(sum) + ", average "
                + format(sum / count) + (nulls > 0 ? ", " + nulls + " empty" : "");
    }

    private static String values(List<List<Object>> rows, int c) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<Object> row : rows) {
            counts.merge(cell(row.get(c)), 1, Integer::sum);
        }
        Map<String, Integer> top = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(TOP_VALUES)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return counts.size() + " distinct; most frequent: " + top;
    }

    static Double number(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            try {
                return new BigDecimal(s.strip()).doubleValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String format(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String row(List<Object> row) {
        List<String> cells = new ArrayList<>();
        row.forEach(value -> cells.add(cell(value)));
        return String.join(" | ", cells);
    }

    private static String cell(Object value) {
        String text = value == null ? "null" : String.valueOf(value);
        return text.length() > MAX_CELL ? text.substring(0, MAX_CELL) + "…" : text;
    }
}
