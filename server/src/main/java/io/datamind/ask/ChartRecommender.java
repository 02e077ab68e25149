package io.datamind.ask;

import io.datamind.query.ResultColumn;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Chooses how to draw a result from its shape and types alone, the same way every time: one number is a KPI, a time
 * column with measures a line, a category with a measure a bar (horizontal for long labels or many bars), two
 * categories with a measure grouped or stacked bars, a share of a total in at most six parts a pie, two measures a
 * scatter, and anything else a table. A chart the model suggests is used only when it fits the same roles.
 */
final class ChartRecommender {

    static final Set<String> TYPES =
            Set.of("kpi", "line", "bar", "horizontal_bar", "grouped_bar", "stacked_bar", "pie", "scatter", "table");

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}([ T].*)?)?|-Q[1-4]|-W\\d{2})?");
    private static final Pattern TIME_NAME =
            Pattern.compile("(?i).*(date|day|week|month|quarter|year|period|time|_at)$|^(dt|ts)$");
    private static final Pattern SHARE_WORDS =
            Pattern.compile("(?i)\\b(share|shares|percent|percentage|proportion|breakdown|distribution|split|mix)\\b");
    private static final int LONG_LABEL = 14;
    private static final int MANY_BARS = 12;
    private static final int MAX_PIE_PARTS = 6;
    private static final int MAX_GROUPS = 5;

    private ChartRecommender() {}

    /** The roles the columns play: time, categories and measures, by position. */
    private record Shape(Integer time, List<Integer> categories, List<Integer> measures, boolean drawable) {}

    static ChartSpec recommend(List<ResultColumn> columns, List<List<Object>> rows, String question, String suggested) {
        Shape shape = shape(columns, rows);
        ChartSpec fallback = deterministic(shape, columns, rows, question);
        if (suggested != null && TYPES.contains(suggested) && !suggested.equals(fallback.type())) {
            ChartSpec chosen = as(suggested, shape, columns, rows, question);
            if (chosen != null) {
                return chosen;
            }
        }
        return fallback;
    }

    private static ChartSpec deterministic(
            Shape shape, List<ResultColumn> columns, List<List<Object>> rows, String question) {
        String title = title(question);
        List<String> measureNames = names(columns, shape.measures());
        if (rows.isEmpty() || !shape.drawable()) {
            return table(title);
        }
        boolean onlyMeasures = shape.time() == null && shape.categories().isEmpty();
        if (rows.size() == 1
                && onlyMeasures
                && !shape.measures().isEmpty()
                && shape.measures().size() <= 4) {
            return new ChartSpec("kpi", null, measureNames, null, title);
        }
        if (shape.time() != null
                && !shape.measures().isEmpty()
                && shape.categories().size() <= 1) {
            String series = shape.categories().isEmpty()
                    ? null
                    : columns.get(shape.categories().get(0)).name();
            return new ChartSpec("line", columns.get(shape.time()).name(), measureNames, series, title);
        }
        if (shape.time() == null
                && shape.categories().size() == 1
                && !shape.measures().isEmpty()) {
            int category = shape.categories().get(0);
            String x = columns.get(category).name();
            if (shape.measures().size() == 1
                    && rows.size() <= MAX_PIE_PARTS
                    && rows.size() >= 2
                    && nonNegative(rows, shape.measures().get(0))
                    && question != null
                    && SHARE_WORDS.matcher(question).find()) {
                return new ChartSpec("pie", x, measureNames, null, title);
            }
            boolean horizontal = rows.size() > MANY_BARS || longestLabel(rows, category) > LONG_LABEL;
            return new ChartSpec(horizontal ? "horizontal_bar" : "bar", x, measureNames, null, title);
        }
        if (shape.time() == null
                && shape.categories().size() == 2
                && shape.measures().size() == 1) {
            String x = columns.get(shape.categories().get(0)).name();
            String series = columns.get(shape.categories().get(1)).name();
            boolean manyGroups = distinct(rows, shape.categories().get(1)) > MAX_GROUPS;
            return new ChartSpec(manyGroups ? "stacked_bar" : "grouped_bar", x, measureNames, series, title);
        }
        if (onlyMeasures && shape.measures().size() == 2 && rows.size() >= 2) {
            return new ChartSpec(
                    "scatter",
                    columns.get(shape.measures().get(0)).name(),
                    List.of(columns.get(shape.measures().get(1)).name()),
                    null,
                    title);
        }
        return table(title);
    }

    /** The suggested type with the result's roles, or null when the data does not fit it. */
    private static ChartSpec as(
            String type, Shape shape, List<ResultColumn> columns, List<List<Object>> rows, String question) {
        String title = title(question);
        if (!shape.drawable()) {
            return "table".equals(type) ? table(title) : null;
        }
        List<String> measures = names(columns, shape.measures());
        List<Integer> axes = new ArrayList<>();
        if (shape.time() != null) {
            axes.add(shape.time());
        }
        axes.addAll(shape.categories());
        return switch (type) {
            case "table" -> table(title);
            case "kpi" ->
                rows.size() == 1 && !measures.isEmpty() && axes.isEmpty()
                        ? new ChartSpec("kpi", null, measures, null, title)
                        : null;
            case "line" ->
                axes.size() == 1 && !measures.isEmpty() && rows.size() >= 2
                        ? new ChartSpec("line", columns.get(axes.get(0)).name(), measures, null, title)
                        : null;
            case "bar", "horizontal_bar" ->
                axes.size() == 1 && !measures.isEmpty() && !rows.isEmpty()
                        ? new ChartSpec(type, columns.get(axes.get(0)).name(), measures, null, title)
                        : null;
            case "grouped_bar", "stacked_bar" ->
                axes.size() == 2 && measures.size() == 1
                        ? new ChartSpec(
                                type,
                                columns.get(axes.get(0)).name(),
                                measures,
                                columns.get(axes.get(1)).name(),
                                title)
                        : null;
            case "pie" ->
                axes.size() == 1
                                && measures.size() == 1
                                && rows.size() >= 2
                                && rows.size() <= MAX_PIE_PARTS
                                && nonNegative(rows, shape.measures().get(0))
                        ? new ChartSpec("pie", columns.get(axes.get(0)).name(), measures, null, title)
                        : null;
            case "scatter" ->
                axes.isEmpty() && measures.size() == 2 && rows.size() >= 2
                        ? new ChartSpec("scatter", measures.get(0), List.of(measures.get(1)), null, title)
                        : null;
            default -> null;
        };
    }

    private static Shape shape(List<ResultColumn> columns, List<List<Object>> rows) {
        Integer time = null;
        List<Integer> categories = new ArrayList<>();
        List<Integer> measures = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            ResultColumn column = columns.get(c);
            if (time == null && isTime(column, rows, c)) {
                time = c;
            } else if (ResultSummaries.numeric(column) && !looksLikeKey(column)) {
                measures.add(c);
            } else if (column.type().equals("text")
                    || column.type().equals("boolean")
                    || column.type().equals("integer")
                    || column.type().equals("date")
                    || column.type().equals("timestamp")) {
                categories.add(c);
            } else {
                // Binary and other values cannot be drawn: the result stays a table.
                return new Shape(null, List.of(), List.of(), false);
            }
        }
        return new Shape(time, categories, measures, true);
    }

    private static boolean isTime(ResultColumn column, List<List<Object>> rows, int c) {
        String type = column.type();
        if (type.equals("date") || type.equals("timestamp")) {
            return true;
        }
        boolean named = TIME_NAME.matcher(column.name()).matches();
        if (type.equals("integer") || type.equals("number")) {
            // A year or month number column, named so (2023, 2024 ..., or EXTRACT's numeric 2023.0): time, not a
            // measure.
            return named
                    && allMatch(rows, c, value -> {
                        Double number = ResultSummaries.number(value);
                        return number != null && number == Math.rint(number);
                    });
        }
        if (type.equals("text")) {
            return allMatch(
                    rows,
                    c,
                    value -> PERIOD.matcher(String.valueOf(value)).matches()
                            && (named || String.valueOf(value).length() > 4));
        }
        return false;
    }

    private static boolean looksLikeKey(ResultColumn column) {
        if (!column.type().equals("integer")) {
            return false;
        }
        String name = column.name().toLowerCase(Locale.ROOT);
        return name.equals("id") || name.endsWith("_id") || column.name().endsWith("Id");
    }

    private static boolean allMatch(List<List<Object>> rows, int c, java.util.function.Predicate<Object> test) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object value = row.get(c);
            if (value == null) {
                continue;
            }
            if (!test.test(value)) {
                return false;
            }
            any = true;
        }
        return any;
    }

    private static boolean nonNegative(List<List<Object>> rows, int c) {
        return allMatch(rows, c, value -> {
            Double number = ResultSummaries.number(value);
            return number != null && number >= 0;
        });
    }

    private static int longestLabel(List<List<Object>> rows, int c) {
        int longest = 0;
        for (List<Object> row : rows) {
            longest = Math.max(longest, String.valueOf(row.get(c)).length());
        }
        return longest;
    }

    private static int distinct(List<List<Object>> rows, int c) {
        Set<Object> values = new HashSet<>();
        for (List<Object> row : rows) {
            values.add(row.get(c));
        }
        return values.size();
    }

    private static List<String> names(List<ResultColumn> columns, List<Integer> positions) {
        return positions.stream().map(p -> columns.get(p).name()).toList();
    }

    private static ChartSpec table(String title) {
        return new ChartSpec("table", null, List.of(), null, title);
    }

    private static String title(String question) {
        if (question == null) {
            return null;
        }
        String t = question.strip().replaceAll("\\s+", " ").replaceAll("[?.!]+$", "");
        if (t.length() > 80) {
            t = t.substring(0, 77).strip() + "…";
        }
        return t.isEmpty() ? null : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }
}
