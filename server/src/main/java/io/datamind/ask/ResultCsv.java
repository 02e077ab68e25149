package io.datamind.ask;

import io.datamind.query.ResultColumn;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A result as RFC 4180 CSV: a header row, CRLF line ends, fields quoted where needed. Cells that a spreadsheet would
 * run as a formula (CSV injection) get a leading apostrophe, as in the web app's own export.
 */
final class ResultCsv {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ResultCsv() {}

    static void write(List<ResultColumn> columns, List<List<Object>> rows, Writer out) throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            if (c > 0) {
                out.write(',');
            }
            out.write(field(columns.get(c).name()));
        }
        out.write("\r\n");
        for (List<Object> row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                if (c > 0) {
                    out.write(',');
                }
                out.write(field(text(c < row.size() ? row.get(c) : null)));
            }
            out.write("\r\n");
        }
    }

    /** A file name from the question: {@code revenue-by-month.csv}. */
    static String fileName(String question) {
        String base = Normalizer.normalize(question == null ? "" : question, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (base.length() > 60) {
            base = base.substring(0, 60).replaceAll("-+$", "");
        }
        return (base.isEmpty() ? "result" : base) + ".csv";
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return JSON.writeValueAsString(value);
    }

    private static String field(String text) {
        String safe = text;
        if (!safe.isEmpty()
                && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0
                && !NUMBER.matcher(safe).matches()) {
            safe = "'" + safe;
        }
        if (safe.indexOf('"') >= 0 || safe.indexOf(',') >= 0 || safe.indexOf('\r') >= 0 || safe.indexOf('\n') >= 0) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }
}
