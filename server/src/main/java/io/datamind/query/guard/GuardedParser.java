package io.datamind.query.guard;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statements;

/**
 * JSqlParser with a time limit. The parser backtracks and can take very long on crafted input, so it runs on a small
 * pool of daemon threads and gives up after the timeout (JSqlParser then stops the abandoned parse itself).
 */
final class GuardedParser {

    /** Kept referenced: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger PARSER_LOG = Logger.getLogger("net.sf.jsqlparser");

    private static final ExecutorService POOL = createPool();
    private static final Pattern REPEATED_TOKEN = Pattern.compile("(\"([^\"]*)\") \"\\2\"", Pattern.CASE_INSENSITIVE);

    static {
        // JSqlParser logs every parse at INFO.
        PARSER_LOG.setLevel(Level.WARNING);
    }

    private GuardedParser() {}

    /** Thrown when parsing took longer than allowed. */
    static final class ParseTimeout extends Exception {
        ParseTimeout() {
            super("parse timed out", null, false, false);
        }
    }

    /**
     * Parses without JSqlParser's "complex parsing" (deep lookahead, exponential on some inputs) first, and only if
     * that fails tries again with it, as {@code CCJSqlParserUtil.parse} does for single statements. Both attempts
     * together get the timeout.
     */
    static Statements parse(String sql, SqlDialect dialect, Duration timeout) throws JSQLParserException, ParseTimeout {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Statements simple = parse(sql, dialect, timeout.toMillis(), false);
            if (simple != null) {
                return simple;
            }
        } catch (JSQLParserException simpleFailed) {
            // fall through to the complex attempt, which also gives the better error message
        }
        long remainingMillis = (deadline - System.nanoTime()) / 1_000_000;
        if (remainingMillis <= 0) {
            throw new ParseTimeout();
        }
        Statements complex = parse(sql, dialect, remainingMillis, true);
        if (complex == null) {
            // JSqlParser signals some failures with null rather than an exception: notably when the query nests
            // brackets deeper than it is willing to try complex parsing on. Never read that as "no statements".
            throw new JSQLParserException(
                    CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH
                            ? "the brackets are nested too deeply"
                            : "the parser gave no result");
        }
        return complex;
    }

    private static Statements parse(String sql, SqlDialect dialect, long timeoutMillis, boolean complex)
            throws JSQLParserException, ParseTimeout {
        try {
            return CCJSqlParserUtil.parseStatements(
                    sql,
                    POOL,
                    parser -> parser.withTimeOut(timeoutMillis)
                            .withAllowComplexParsing(complex)
                            .withBackslashEscapeCharacter(dialect.backslashEscapes())
                            .withSquareBracketQuotation(dialect.squareBracketIdentifiers()));
        } catch (JSQLParserException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new ParseTimeout();
            }
            throw e;
        }
    }

    /** The parser's message cut to its first line and position, e.g. {@code Encountered unexpected token: "WRITE"}. */
    static String shortMessage(JSQLParserException e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() != null ? cause.getMessage() : e.getMessage();
        if (cause instanceof StackOverflowError) {
            return "the query is nested too deeply";
        }
        if (message == null) {
            return cause.getClass().getSimpleName();
        }
        message = message.replaceFirst("^[\\w.]+(Exception|Error): ", "");
        // "Encountered unexpected token: "comment" "COMMENT"" names the token twice.
        message = REPEATED_TOKEN.matcher(message).replaceAll("$1");
        String[] lines = message.split("\\R");
        StringBuilder sb = new StringBuilder(lines[0].strip());
        if (lines.length > 1 && lines[1].strip().startsWith("at line")) {
            sb.append(' ').append(lines[1].strip());
        }
        String result = sb.toString().replaceAll("\\s+<[A-Z_]+>", "").replaceAll("\\s+", " ");
        if (result.endsWith(".")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.length() > 200 ? result.substring(0, 197) + "..." : result;
    }

    private static ExecutorService createPool() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(
                threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "sql-guard-parser-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
