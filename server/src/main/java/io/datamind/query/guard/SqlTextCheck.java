package io.datamind.query.guard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks on the raw text, before and after parsing: the tricks that make a database read a query differently from the
 * parser. Each finding is a refusal; this class never accepts anything on its own.
 *
 * <p>The text is cut into code, strings, quoted names and comments twice, once as if backslashes escaped quotes
 * (MySQL, ClickHouse, PostgreSQL {@code E''} strings or {@code standard_conforming_strings=off}) and once as if not;
 * if the two cuts differ, some server setting would find code inside what the other reading calls a string.
 */
final class SqlTextCheck {

    private static final Pattern JDBC_ESCAPE =
            Pattern.compile("\\{\\s*(fn|call|\\?|oj|d|t|ts|escape|limit)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern DOLLAR_QUOTE =
            Pattern.compile("\\$([A-Za-z_\\x{80}-\\x{10FFFF}][\\w\\x{80}-\\x{10FFFF}]*)?\\$");

    private SqlTextCheck() {}

    enum Kind {
        CODE,
        STRING,
        QUOTED_NAME,
        LINE_COMMENT,
        BLOCK_COMMENT
    }

    record Segment(Kind kind, int start, int end) {}

    /** The reason to refuse the text, or null if the text shows none of the tricks. */
    static String problem(String sql, SqlDialect dialect) {
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return "The query contains a control character (code " + (int) c + ")";
            }
        }
        Lexed plain = lex(sql, dialect, false);
        Lexed escaped = lex(sql, dialect, true);
        if (plain.problem != null) {
            return plain.problem;
        }
        if (escaped.problem != null || !plain.segments.equals(escaped.segments)) {
            return "A backslash before a quote is read differently by different databases and settings;"
                    + " write a quote inside a string as two quotes ('')";
        }
        if (plain.segments.stream()
                .filter(segment -> segment.kind != Kind.LINE_COMMENT && segment.kind != Kind.BLOCK_COMMENT)
                .allMatch(segment -> sql.substring(segment.start, segment.end)
                        .replace(";", "")
                        .isBlank())) {
            return "The query is empty (it has only comments)";
        }
        boolean statementEnded = false;
        for (Segment segment : plain.segments) {
            String text = sql.substring(segment.start, segment.end);
            switch (segment.kind) {
                case CODE -> {
                    String problem = codeProblem(sql, segment, dialect);
                    if (problem != null) {
                        return problem;
                    }
                    int semicolon = text.indexOf(';');
                    String before = semicolon < 0 ? text : text.substring(0, semicolon);
                    if (statementEnded && !before.isBlank()) {
                        return "Only one statement is allowed";
                    }
                    if (semicolon >= 0) {
                        if (statementEnded || !text.substring(semicolon + 1).isBlank()) {
                            return "Only one statement is allowed";
                        }
                        statementEnded = true;
                    }
                }
                case STRING, QUOTED_NAME -> {
                    if (statementEnded) {
                        return "Only one statement is allowed";
                    }
                }
                case BLOCK_COMMENT -> {
                    String problem = blockCommentProblem(text);
                    if (problem != null) {
                        return problem;
                    }
                }
                case LINE_COMMENT -> {}
            }
        }
        return null;
    }

    private static String codeProblem(String sql, Segment segment, SqlDialect dialect) {
        String text = sql.substring(segment.start, segment.end);
        // Databases disagree on whether a no-break or zero-width space separates words or belongs to a name.
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > 0x7f && isSpaceOrFormat(c)) {
                return String.format(
                        "The query contains an unusual space character (U+%04X) outside strings; use a plain space",
                        (int) c);
            }
        }
        if (JDBC_ESCAPE.matcher(text).find()) {
            return "JDBC escape syntax ({fn ...}, {call ...}) is not allowed";
        }
        // U&'...' and U&"..." spell characters as \0041 escapes, so a name can hide from the function check.
        if (segment.end < sql.length() && (sql.charAt(segment.end) == '\'' || sql.charAt(segment.end) == '"')) {
            String tail = text.toUpperCase(Locale.ROOT);
            if (tail.endsWith("U&")) {
                return "Unicode-escaped strings and names (U&'...') are not allowed";
            }
        }
        if (dialect.dollarQuoting()) {
            var m = DOLLAR_QUOTE.matcher(text);
            while (m.find()) {
                int at = m.start();
                boolean partOfName = at > 0 && isNameChar(text.charAt(at - 1));
                if (!partOfName) {
                    return "Dollar-quoted strings ($$...$$) are not allowed; use single quotes";
                }
            }
        }
        return null;
    }

    private static String blockCommentProblem(String comment) {
        if (comment.startsWith("/*!") || comment.startsWith("/*M!")) {
            return "Comments starting with /*! are executed by MySQL and MariaDB and are not allowed";
        }
        if (comment.startsWith("/*+")) {
            return "Optimizer hints (/*+ ... */) are not allowed";
        }
        if (comment.indexOf("/*", 2) >= 0) {
            return "Nested comments are read differently by different databases and are not allowed";
        }
        if (!comment.endsWith("*/") || comment.length() < 4) {
            return "The query has a comment that is never closed";
        }
        return null;
    }

    private static boolean isSpaceOrFormat(char c) {
        int type = Character.getType(c);
        return Character.isWhitespace(c)
                || Character.isSpaceChar(c)
                || type == Character.FORMAT
                || type == Character.CONTROL;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private record Lexed(List<Segment> segments, String problem) {}

    /** Cuts the text into segments; backslashEscapes makes \ escape the next character inside '' and "". */
    static Lexed lex(String sql, SqlDialect dialect, boolean backslashEscapes) {
        List<Segment> segments = new ArrayList<>();
        int n = sql.length();
        int codeStart = 0;
        int i = 0;
        while (i < n) {
            char c = sql.charAt(i);
            char next = i + 1 < n ? sql.charAt(i + 1) : 0;
            Kind kind = null;
            int end = -1;
            if (c == '\'' || c == '"') {
                kind = c == '\'' ? Kind.STRING : Kind.QUOTED_NAME;
                end = closeQuoted(sql, i, c, backslashEscapes);
            } else if (c == '`') {
                kind = Kind.QUOTED_NAME;
                end = closeQuoted(sql, i, '`', false);
            } else if (c == '[' && dialect.squareBracketIdentifiers()) {
                kind = Kind.QUOTED_NAME;
                end = closeQuoted(sql, i, ']', false);
            } else if (c == '-' && next == '-') {
                if (dialect.isMySqlFamily() && i + 2 < n && !Character.isWhitespace(sql.charAt(i + 2))) {
                    return new Lexed(
                            segments,
                            "\"--\" without a following space is not a comment in MySQL and MariaDB;"
                                    + " write \"- -\" for a double minus or \"-- \" for a comment");
                }
                kind = Kind.LINE_COMMENT;
                end = lineEnd(sql, i);
            } else if (c == '#' && dialect.hashComments()) {
                return new Lexed(segments, "Comments starting with # are not allowed; use -- or /* */");
            } else if (c == '/' && next == '*') {
                kind = Kind.BLOCK_COMMENT;
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? n : close + 2;
            }
            if (kind == null) {
                i++;
                continue;
            }
            if (end < 0) {
                return new Lexed(segments, "The query has a string or quoted name that is never closed");
            }
            if (codeStart < i) {
                segments.add(new Segment(Kind.CODE, codeStart, i));
            }
            segments.add(new Segment(kind, i, end));
            i = end;
            codeStart = end;
        }
        if (codeStart < n) {
            segments.add(new Segment(Kind.CODE, codeStart, n));
        }
        return new Lexed(segments, null);
    }

    /** The index after the closing quote, or -1 if the quoted text never closes; doubled quotes stay inside. */
    private static int closeQuoted(String sql, int open, char quote, boolean backslashEscapes) {
        int n = sql.length();
        int i = open + 1;
        while (i < n) {
            char c = sql.charAt(i);
            if (backslashEscapes && c == '\\') {
                i += 2;
            } else if (c == quote) {
                if (i + 1 < n && sql.charAt(i + 1) == quote) {
                    i += 2;
                } else {
                    return i + 1;
                }
            } else {
                i++;
            }
        }
        return -1;
    }

    private static int lineEnd(String sql, int from) {
        int nl = sql.indexOf('\n', from);
        return nl < 0 ? sql.length() : nl + 1;
    }
}
