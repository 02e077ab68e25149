package io.datamind.offline;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A short narrative of a query result from plain statistics, with no model: the total, the largest and smallest
 * groups with their shares, the change from the first to the last period and the trend, and an outlier if one
 * stands out. Deterministic: the same rows always give the same words.
 */
public final class OfflineAnalysis {

    private static final Pattern PERIOD = Pattern.compile("\\d{4}(-\\d{2}(-\\d{2}([ T].*)?)?|-Q[1-4]|-W\\d{2})?");

    private OfflineAnalysis() {}

    /**
     * Describes a result.
     *
     * @param columns the column labels, in order
     * @param rows the rows, each a list of values in column order (numbers, strings, dates or null)
     * @return one to four sentences; never empty
     */
    public static String describe(List<String> columns, List<List<Object>> rows) {
        if (rows == null || rows.isEmpty()) {
            return "The query returned no rows.";
        }
        int width = columns.size();
        int measure = -1;
        for (int c = width - 1; c >= 0; c--) {
            if (numericColumn(rows, c) && !periodColumn(columns.get(c), rows, c)) {
                measure = c;
                break;
            }
        }
        if (measure < 0) {
            return rows.size() == 1 ? "The query returned one row." : "The query returned " + rows.size() + " rows.";
        }
        String measureName = label(columns.get(measure));
        if (rows.size() == 1) {
            return capitalize(measureName) + " is " + format(number(rows.get(0).get(measure))) + ".";
        }
        int labelColumn = -1;
        for (int c = 0; c < width; c++) {
            if (c != measure) {
                labelColumn = c;
                break;
            }
        }
        List<Double> values = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (List<Object> row : rows) {
            Double v = number(row.get(measure));
            if (v == null) {
                continue;
            }
            values.add(v);
            labels.add(labelColumn < 0 ? String.valueOf(values.size()) : text(row.get(labelColumn)));
        }
        if (values.isEmpty()) {
            return "The query returned " + rows.size() + " rows without " + measureName + ".";
        }
        List<String> sentences = new ArrayList<>();
        double total = 0;
        for (double v : values) {
            total += v;
        }
        boolean allPositive = values.stream().allMatch(v -> v >= 0);
        String groups = labelColumn < 0 ? "rows" : plural(label(columns.get(labelColumn)));
        sentences.add("The total of " + measureName + " is " + format(total) + " across " + values.size() + " " + groups
                + ".");
        boolean time = labelColumn >= 0 && periodColumn(columns.get(labelColumn), rows, labelColumn);
        if (time) {
            double first = values.get(0);
            double last = values.get(values.size() - 1);
            String change;
            if (first == last) {
                change = "stayed at " + format(last);
            } else if (first == 0) {
                change = "went from 0 to " + format(last);
            } else {
                double pct = (last - first) / Math.abs(first) * 100;
                change = (last >= first ? "rose" : "fell") + " from " + format(first) + " to " + format(last) + " ("
                        + (pct >= 0 ? "+" : "") + format(pct) + "%)";
            }
            sentences.add("From " + labels.get(0) + " to " + labels.get(labels.size() - 1) + ", " + measureName + " "
                    + change + "; the overall trend is " + trend(values) + ".");
        } else {
            int max = 0;
            int min = 0;
            for (int i = 1; i < values.size(); i++) {
                if (values.get(i) > values.get(max)) {
                    max = i;
                }
                if (values.get(i) < values.get(min)) {
                    min = i;
                }
            }
            String maxShare =
                    allPositive && total > 0 ? ", " + format(values.get(max) / total * 100) + "% of the total" : "";
            String minShare = allPositive && total > 0 ? ", " + format(values.get(min) / total * 100) + "%" : "";
            sentences.add("The largest is " + labels.get(max) + " (" + format(values.get(max)) + maxShare
                    + ") and the smallest is " + labels.get(min) + " (" + format(values.get(min)) + minShare + ").");
        }
        String outlier = outlier(values, labels);
        if (outlier != null) {
            sentences.add(outlier);
        }
        return String.join(" ", sentences);
    }

    /** Direction of the least-squares slope, relative to the mean so tiny slopes read as flat. */
    private static String trend(List<Double> values) {
        int n = values.size();
        double meanX = (n - 1) / 2.0;
        double meanY =
                values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double num = 0;
        double den = 0;
        for (int i = 0; i < n; i++) {
            num += (i - meanX) * (values.get(i) - meanY);
            den += (i - meanX) * (i - meanX);
        }
        double slope = den == 0 ? 0 : num / den;
        double relative = meanY == 0 ? slope : slope * (n - 1) / Math.abs(meanY);
        if (Math.abs(relative) < 0.05) {
            return "flat";
        }
        return relative > 0 ? "upward" : "downward";
    }

    /** A value more than three median absolute deviations (scaled) from the median, with at least five values. */
    private static String outlier(List<Double> values, List<String> labels) {
        if (values.size() < 5) {
            return null;
        }
        double median = median(values);
        List<Double> deviations = new ArrayList<>();
        for (double v : values) {
            deviations.add(Math.abs(v - median));
        }
        double mad = median(deviations) * 1.4826;
        if (mad == 0) {
            return null;
        }
        int worst = -1;
        double worstScore = 3.5;
        for (int i = 0; i < values.size(); i++) {
            double score = Math.abs(values.get(i) - median) / mad;
            if (score > worstScore) {
                worstScore = score;
                worst = i;
            }
        }
        if (worst < 0) {
            return null;
        }
        return labels.get(worst) + " stands out at " + format(values.get(worst)) + " against a median of "
                + format(median) + ".";
    }

    private static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static boolean numericColumn(List<List<Object>> rows, int c) {
        boolean any = false;
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v == null) {
                continue;
            }
            if (number(v) == null) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** Dates, months, quarters, years: a column to read as time rather than categories. */
    private static boolean periodColumn(String name, List<List<Object>> rows, int c) {
        String n = Words.lower(name);
        boolean named = n.contains("date")
                || n.contains("month")
                || n.contains("year")
                || n.contains("day")
                || n.contains("week")
                || n.contains("quarter")
                || n.contains("period")
                || n.contains("time");
        for (List<Object> row : rows) {
            Object v = row.get(c);
            if (v == null) {
                continue;
            }
            if (v instanceof Temporal || v instanceof Date) {
                return true;
            }
            String s = String.valueOf(v);
            if (!PERIOD.matcher(s).matches()) {
                return false;
            }
            if (s.length() == 4 && !named) {
                return false;
            }
        }
        return true;
    }

    private static Double number(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s && s.strip().matches("-?\\d+(\\.\\d+)?")) {
            return Double.parseDouble(s.strip());
        }
        return null;
    }

    private static String text(Object v) {
        return v == null ? "(none)" : String.valueOf(v);
    }

    private static String label(String column) {
        return String.join(" ", Words.splitIdentifier(column));
    }

    static String format(Double v) {
        if (v == null) {
            return "none";
        }
        BigDecimal d = BigDecimal.valueOf(v);
        int scale = Math.abs(v) >= 100 ? 0 : 2;
        d = d.setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(d);
    }

    private static String plural(String noun) {
        if (noun.endsWith("s") || noun.endsWith("x") || noun.endsWith("ch") || noun.endsWith("sh")) {
            return noun + "es";
        }
        if (noun.endsWith("y") && noun.length() > 1 && "aeiou".indexOf(noun.charAt(noun.length() - 2)) < 0) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        return noun + "s";
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
