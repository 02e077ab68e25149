package io.datamind.ask;

import io.datamind.query.QueryResult;
import io.datamind.query.ResultColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Attaches to a chart spec the values it is drawn from, taken from every row of the result the recommender saw, so
 * the chart agrees with the spec even when the answer's table is only a preview. A chart cannot show more than a few
 * thousand points usefully, and the data is stored with the answer, so larger results are thinned: a line keeps
 * every n-th x value (all of its series' rows for each, so the lines stay whole), a scatter every n-th row, bars the
 * first rows in the query's order (a query sorts the bars that matter first).
 */
final class ChartPoints {

    static final int MAX_ROWS = 2_000;

    private ChartPoints() {}

    static ChartSpec attach(ChartSpec spec, QueryResult result) {
        return attach(spec, result, MAX_ROWS);
    }

    static ChartSpec attach(ChartSpec spec, QueryResult result, int maxRows) {
        if (spec == null || "table".equals(spec.type())) {
            return spec;
        }
        List<Integer> used = usedColumns(spec, result.columns());
        if (used.isEmpty()) {
            return spec;
        }
        List<List<Object>> rows = result.rows();
        String sampling = ChartData.ALL;
        if (rows.size() > maxRows) {
            switch (spec.type()) {
                case "line" -> {
                    rows = everyNthX(rows, result.columns(), spec.x(), maxRows);
                    sampling = ChartData.EVENLY_SPACED;
                }
                case "scatter" -> {
                    rows = everyNth(rows, maxRows);
                    sampling = ChartData.EVENLY_SPACED;
                }
                default -> {
                    rows = rows.subList(0, maxRows);
                    sampling = ChartData.FIRST_ROWS;
                }
            }
        }
        List<ResultColumn> columns = used.stream().map(result.columns()::get).toList();
        List<List<Object>> projected = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            List<Object> values = new ArrayList<>(used.size());
            for (int c : used) {
                values.add(row.get(c));
            }
            projected.add(values);
        }
        return spec.withData(new ChartData(ChatStore.columns(columns), projected, result.rowCount(), sampling));
    }

    /** Positions of the columns the spec names, in the result's order. */
    private static List<Integer> usedColumns(ChartSpec spec, List<ResultColumn> columns) {
        Set<String> names = new LinkedHashSet<>();
        if (spec.x() != null) {
            names.add(spec.x());
        }
        if (spec.series() != null) {
            names.add(spec.series());
        }
        if (spec.y() != null) {
            names.addAll(spec.y());
        }
        List<Integer> used = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (names.remove(columns.get(c).name())) {
                used.add(c);
            }
        }
        return used;
    }

    /** The rows of every n-th distinct x value (and of the last one), so that at most about {@code max} remain. */
    private static List<List<Object>> everyNthX(
            List<List<Object>> rows, List<ResultColumn> columns, String x, int max) {
        int xi = -1;
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equals(x)) {
                xi = c;
                break;
            }
        }
        if (xi < 0) {
            return everyNth(rows, max);
        }
        Map<Object, Integer> order = new LinkedHashMap<>();
        for (List<Object> row : rows) {
            order.putIfAbsent(Objects.requireNonNullElse(row.get(xi), NULL), order.size());
        }
        int distinct = order.size();
        int rowsPerX = Math.max(1, rows.size() / Math.max(1, distinct));
        // One x value less than fits, to leave room for the last one.
        int targetX = Math.max(2, max / rowsPerX - 1);
        int step = Math.max(1, ceilDiv(distinct, targetX));
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : rows) {
            int at = order.get(Objects.requireNonNullElse(row.get(xi), NULL));
            if (at % step == 0 || at == distinct - 1) {
                kept.add(row);
            }
        }
        return kept.size() <= max ? kept : everyNth(kept, max);
    }

    private static List<List<Object>> everyNth(List<List<Object>> rows, int max) {
        int step = ceilDiv(rows.size(), max);
        List<List<Object>> kept = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += step) {
            kept.add(rows.get(i));
        }
        return kept;
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    private static final Object NULL = new Object();
}
