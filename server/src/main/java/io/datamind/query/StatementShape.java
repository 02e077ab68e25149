package io.datamind.query;

import io.datamind.query.QueryFailedException.Category;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A check of the statement's outline only, below the SQL guard: one statement that starts like a query. The guard
 * does the real analysis; this keeps the runner safe on its own (a guard bug, or a caller that forgot it) against the
 * things a read-only session does not stop, such as {@code SET GLOBAL}, {@code COPY ... TO PROGRAM} or a second
 * statement after {@code COMMIT}. It errs on the side of refusing.
 */
final class StatementShape {

    private static final Set<String> QUERY_STARTS = Set.of("select", "with", "values", "table");
    private static final Set<String> DUCKDB_QUERY_STARTS = Set.of("select", "with", "values", "table", "from");
    // MySQL runs the body of /*! ... */ comments, and INTO OUTFILE writes server files even in a read-only
    // transaction; neither belongs in an analytics query, so the whole text is refused if it contains them.
    private static final Pattern MYSQL_FILE_OUTPUT = Pattern.compile("(?i)\\b(?:outfile|dumpfile)\\b");
    private static final Pattern MYSQL_EXECUTABLE_COMMENT = Pattern.compile("(?i)/\\*[m]?!");

    private StatementShape() {}

    /**
     * Returns the statement to run: the SQL without a trailing semicolon and what follows it (comments, blanks).
     *
     * @throws QueryFailedException ({@link Category#SYNTAX}) when it is empty, not a query, or more than one statement
     */
    static String statementBody(DatabaseType type, String sql) {
        if (sql == null || sql.isBlank()) {
            throw refused("The query is empty");
        }
        Lexer lexer = new Lexer(sql, type);
        int start = lexer.skipBlanksAndParentheses(0);
        String first = lexer.wordAt(start).toLowerCase(Locale.ROOT);
        Set<String> allowed = type == DatabaseType.DUCKDB ? DUCKDB_QUERY_STARTS : QUERY_STARTS;
        if (!allowed.contains(first)) {
            throw refused("Only a single read-only query (SELECT, WITH or VALUES) can be run");
        }
        if (lexer.mysql) {
            if (MYSQL_EXECUTABLE_COMMENT.matcher(sql).find()) {
                throw refused("MySQL executable comments (/*! ... */) are not allowed in a query");
            }
            if (MYSQL_FILE_OUTPUT.matcher(sql).find()) {
                throw refused("A query may not write its result to a file");
            }
        }
        int end = lexer.endOfFirstStatement();
        if (end < sql.length() && lexer.skipBlanks(end + 1) < sql.length()) {
            throw refused("Only one statement can be run at a time");
        }
        return sql.substring(0, end);
    }

    private static QueryFailedException refused(String message) {
        return new QueryFailedException(Category.SYNTAX, message);
    }

    /** Just enough of each dialect's lexical rules to find comments, quoted text and the statement end. */
    private static final class Lexer {

        private final String sql;
        private final boolean mysql;
        private final boolean postgres;
        private final boolean dollarQuotes;
        private final boolean bracketIdentifiers;

        Lexer(String sql, DatabaseType type) {
            this.sql = sql;
            this.mysql = type == DatabaseType.MYSQL || type == DatabaseType.MARIADB;
            this.postgres = type == DatabaseType.POSTGRESQL;
            this.dollarQuotes = postgres || type == DatabaseType.DUCKDB;
            this.bracketIdentifiers = type == DatabaseType.SQLSERVER || type == DatabaseType.SQLITE;
        }

        int skipBlanksAndParentheses(int from) {
            int i = skipBlanks(from);
            while (i < sql.length() && sql.charAt(i) == '(') {
                i = skipBlanks(i + 1);
            }
            return i;
        }

        /** Skips whitespace and comments. */
        int skipBlanks(int from) {
            int i = from;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (isLineComment(i)) {
                    i = endOfLine(i);
                } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                    i = endOfBlockComment(i);
                } else {
                    return i;
                }
            }
            return i;
        }

        String wordAt(int from) {
            int i = from;
            while (i < sql.length() && Character.isLetter(sql.charAt(i))) {
                i++;
            }
            return sql.substring(from, i);
        }

        /** Index of the first semicolon outside quotes and comments, or the length of the text. */
        int endOfFirstStatement() {
            int i = 0;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (c == ';') {
                    return i;
                } else if (isLineComment(i)) {
                    i = endOfLine(i);
                } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
                    i = endOfBlockComment(i);
                } else if (c == '\'') {
                    i = endOfQuoted(i, '\'', backslashEscapes(i));
                } else if (c == '"' || (mysql && c == '`')) {
                    i = endOfQuoted(i, c, mysql && c == '"');
                } else if (bracketIdentifiers && c == '[') {
                    int close = sql.indexOf(']', i + 1);
                    i = close < 0 ? sql.length() : close + 1;
                } else if (dollarQuotes && c == '$') {
                    i = endOfDollarQuoted(i);
                } else {
                    i++;
                }
            }
            return sql.length();
        }

        private boolean isLineComment(int i) {
            char c = sql.charAt(i);
            if (mysql && c == '#') {
                return true;
            }
            if (c != '-' || i + 1 >= sql.length() || sql.charAt(i + 1) != '-') {
                return false;
            }
            // MySQL needs a blank after "--"; without one it is two minus signs.
            return !mysql || i + 2 >= sql.length() || Character.isWhitespace(sql.charAt(i + 2));
        }

        private int endOfLine(int i) {
            int newline = sql.indexOf('\n', i);
            return newline < 0 ? sql.length() : newline + 1;
        }

        private int endOfBlockComment(int start) {
            int depth = 0;
            int i = start;
            while (i < sql.length()) {
                if (sql.startsWith("/*", i)) {
                    depth = postgres || depth == 0 ? depth + 1 : depth;
                    i += 2;
                } else if (sql.startsWith("*/", i)) {
                    depth--;
                    i += 2;
                    if (depth == 0) {
                        return i;
                    }
                } else {
                    i++;
                }
            }
            return sql.length();
        }

        private boolean backslashEscapes(int quote) {
            if (mysql) {
                return true;
            }
            // PostgreSQL E'...' strings.
            return postgres
                    && quote > 0
                    && (sql.charAt(quote - 1) == 'E' || sql.charAt(quote - 1) == 'e')
                    && (quote == 1
                            || !Character.isLetterOrDigit(sql.charAt(quote - 2)) && sql.charAt(quote - 2) != '_');
        }

        private int endOfQuoted(int start, char quote, boolean backslash) {
            int i = start + 1;
            while (i < sql.length()) {
                char c = sql.charAt(i);
                if (backslash && c == '\\') {
                    i += 2;
                } else if (c == quote) {
                    if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                        i += 2;
                    } else {
                        return i + 1;
                    }
                } else {
                    i++;
                }
            }
            return sql.length();
        }

        private int endOfDollarQuoted(int start) {
            int i = start + 1;
            while (i < sql.length() && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_')) {
                i++;
            }
            if (i >= sql.length()
                    || sql.charAt(i) != '$'
                    || (i > start + 1 && Character.isDigit(sql.charAt(start + 1)))) {
                return start + 1; // $1 parameter or a lone dollar sign
            }
            String tag = sql.substring(start, i + 1);
            int close = sql.indexOf(tag, i + 1);
            return close < 0 ? sql.length() : close + tag.length();
        }
    }
}
