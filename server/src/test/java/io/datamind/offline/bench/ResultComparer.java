package io.datamind.offline.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares two query results the way execution accuracy is usually judged: as multisets of rows (as lists when
 * order matters), numbers compared after rounding, and columns matched in any order.
 */
final class ResultComparer {

    private ResultComparer() {}

    static String normalize(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof Number n) {
            return number(new BigDecimal(n.toString()));
        }
        if (v instanceof byte[] b) {
            return Arrays.toString(b);
        }
        String s = v.toString();
        if (s.matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?")) {
            try {
                return number(new BigDecimal(s));
            } catch (NumberFormatException e) {
                return s;
            }
        }
        return s;
    }

    private static String number(BigDecimal d) {
        BigDecimal r = d.setScale(4, RoundingMode.HALF_UP).stripTrailingZeros();
        if (r.signum() == 0) {
            return "0";
        }
        return r.toPlainString();
    }

    static boolean same(List<List<String>> gold, List<List<String>> predicted, boolean ordered) {
        if (gold.size() != predicted.size()) {
            return false;
        }
        if (gold.isEmpty()) {
            return true;
        }
        int columns = gold.get(0).size();
        if (predicted.get(0).size() != columns) {
            return false;
        }
        List<String> goldSignatures = signatures(gold, columns);
        List<String> predSignatures = signatures(predicted, columns);
        return permute(
                gold, predicted, ordered, goldSignatures, predSignatures, new int[columns], new boolean[columns], 0);
    }

    private static List<String> signatures(List<List<String>> rows, int columns) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            List<String> values = new ArrayList<>();
            for (List<String> row : rows) {
                values.add(row.get(c));
            }
            values.sort(null);
            out.add(String.join("\u0001", values));
        }
        return out;
    }

    private static boolean permute(
            List<List<String>> gold,
            List<List<String>> predicted,
            boolean ordered,
            List<String> gs,
            List<String> ps,
            int[] mapping,
            boolean[] taken,
            int col) {
        if (col == mapping.length) {
            return rowsMatch(gold, predicted, ordered, mapping);
        }
        for (int p = 0; p < mapping.length; p++) {
            if (!taken[p] && gs.get(col).equals(ps.get(p))) {
                taken[p] = true;
                mapping[col] = p;
                if (permute(gold, predicted, ordered, gs, ps, mapping, taken, col + 1)) {
                    return true;
                }
                taken[p] = false;
            }
        }
        return false;
    }

    private static boolean rowsMatch(
            List<List<String>> gold, List<List<String>> predicted, boolean ordered, int[] mapping) {
        List<String> g = new ArrayList<>();
        List<String> p = new ArrayList<>();
        for (int r = 0; r < gold.size(); r++) {
            g.add(String.join("\u0001", gold.get(r)));
            List<String> row = predicted.get(r);
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c < mapping.length; c++) {
                if (c > 0) {
                    sb.append('\u0001');
                }
                sb.append(row.get(mapping[c]));
            }
            p.add(sb.toString());
        }
        if (ordered) {
            return g.equals(p);
        }
        Map<String, Integer> counts = new HashMap<>();
        for (String s : g) {
            counts.merge(s, 1, Integer::sum);
        }
        for (String s : p) {
            Integer n = counts.get(s);
            if (n == null || n == 0) {
                return false;
            }
            counts.put(s, n - 1);
        }
        return true;
    }
}
