package io.datamind.ask;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the query, the reasoning and a suggested chart in a model's answer, whatever shape it took: the tags the
 * prompt asks for ({@code <sql>}, {@code <reasoning>}, {@code <chart>}, {@code <decline>}), a fenced code block, or
 * bare SQL among prose.
 */
final class SqlExtractor {

    private static final Pattern FENCE =
            Pattern.compile("```[ \\t]*([A-Za-z0-9_-]*)[ \\t]*\\r?\\n(.*?)(?:```|\\z)", Pattern.DOTALL);
    private static final Pattern BARE = Pattern.compile(
            "(?im)^[ \\t]*(WITH\\s+(?:RECURSIVE\\s+)?[\\w\"`\\[]+.*?\\bAS\\s*\\(|SELECT\\b|\\(\\s*SELECT\\b)");
    private static final Pattern SENTENCE_AFTER_QUERY = Pattern.compile(";\\s*(\\r?\\n\\s*\\r?\\n|\\z)");

    private SqlExtractor() {}

    static Draft extract(String answer) {
        String text = answer == null ? "" : answer;
        String declined = tag(text, "decline");
        String sql = sql(text);
        if (sql == null && declined != null && !declined.isBlank()) {
            return new Draft.Declined(declined.strip());
        }
        String reasoning = tag(text, "reasoning");
        if (reasoning == null && sql != null) {
            reasoning = proseBefore(text);
        }
        return new Draft.Sql(sql, blankToNull(reasoning), chart(text));
    }

    private static String sql(String text) {
        String tagged = tag(text, "sql");
        if (tagged != null) {
            String inner = fenced(tagged);
            return clean(inner != null ? inner : tagged);
        }
        String fenced = fenced(text);
        if (fenced != null) {
            return clean(fenced);
        }
        Matcher bare = BARE.matcher(text);
        if (bare.find()) {
            String rest = text.substring(bare.start());
            Matcher end = SENTENCE_AFTER_QUERY.matcher(rest);
            return clean(end.find() ? rest.substring(0, end.start()) : rest);
        }
        return null;
    }

    /** The content of the first fenced block, preferring one marked sql. */
    private static String fenced(String text) {
        Matcher m = FENCE.matcher(text);
        String first = null;
        while (m.find()) {
            String language = m.group(1).toLowerCase(Locale.ROOT);
            if (language.equals("sql") || language.endsWith("sql")) {
                return m.group(2);
            }
            if (first == null) {
                first = m.group(2);
            }
        }
        return first;
    }

    /** The text inside the first {@code <name>...</name>}; an unclosed tag runs to the end (a cut-off answer). */
    static String tag(String text, String name) {
        String lower = text.toLowerCase(Locale.ROOT);
        int open = lower.indexOf("<" + name + ">");
        if (open < 0) {
            return null;
        }
        int start = open + name.length() + 2;
        int close = lower.indexOf("</" + name + ">", start);
        return text.substring(start, close < 0 ? text.length() : close);
    }

    private static String chart(String text) {
        String chart = tag(text, "chart");
        if (chart == null) {
            return null;
        }
        String type = chart.strip().toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        return type.isEmpty() ? null : type;
    }

    private static String proseBefore(String text) {
        int cut = text.length();
        for (String marker : new String[] {"<sql>", "```"}) {
            int at = text.toLowerCase(Locale.ROOT).indexOf(marker);
            if (at >= 0) {
                cut = Math.min(cut, at);
            }
        }
        Matcher bare = BARE.matcher(text);
        if (bare.find()) {
            cut = Math.min(cut, bare.start());
        }
        String prose = text.substring(0, cut).strip();
        return prose.length() > 1000 ? prose.substring(0, 1000) : prose;
    }

    private static String clean(String sql) {
        String s = sql.strip();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s.isEmpty() ? null : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
