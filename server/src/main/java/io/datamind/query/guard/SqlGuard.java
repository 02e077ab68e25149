package io.datamind.query.guard;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a piece of SQL may run against a customer's database: exactly one read-only query, over the
 * connection's own tables, calling no side-effecting function, written so that every database reads it the way the
 * parser did. Anything it cannot prove harmless is refused with a reason a person can act on.
 *
 * <p>This is the parser layer only. The connection itself must also be read-only (a read-only database user and a
 * read-only session or transaction); this class is what catches a bad query early and explains why, not what makes
 * writing impossible. See docs/sql-guard.md.
 */
public final class SqlGuard {

    private static final Logger log = LoggerFactory.getLogger(SqlGuard.class);

    static final String TOO_DEEP = "The query is nested too deeply";

    /** Start of the reason given when the guard itself failed; tests look for it. */
    static final String INTERNAL_ERROR_PREFIX = "The query could not be checked (internal error: ";

    private final Duration parseTimeout;
    private final int maxLength;

    public SqlGuard(Duration parseTimeout, int maxLength) {
        if (parseTimeout.isNegative() || parseTimeout.isZero() || maxLength <= 0) {
            throw new IllegalArgumentException("The parse timeout and maximum length must be positive");
        }
        this.parseTimeout = parseTimeout;
        this.maxLength = maxLength;
    }

    /** A guard with the default limits (2 s to parse, 100,000 characters). */
    public SqlGuard() {
        this(Duration.ofSeconds(2), 100_000);
    }

    /**
     * Checks one query written for the given dialect against the tables of the connection it will run on. Never
     * throws for any text: whatever cannot be shown harmless is refused.
     */
    public GuardVerdict check(String sql, SqlDialect dialect, KnownTables knownTables) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(knownTables, "knownTables");
        try {
            return checkOrThrow(sql, dialect, knownTables);
        } catch (ReadOnlyTreeCheck.Refusal refusal) {
            return new GuardVerdict.Refused(refusal.getMessage());
        } catch (StackOverflowError e) {
            return new GuardVerdict.Refused(TOO_DEEP);
        } catch (RuntimeException e) {
            // Whatever went wrong, the query does not run; the log keeps the detail for fixing the guard.
            log.warn("SQL guard failed on a query ({}); refusing it", e.toString(), e);
            return new GuardVerdict.Refused(INTERNAL_ERROR_PREFIX + e.getClass().getSimpleName() + ")");
        }
    }

    private GuardVerdict checkOrThrow(String sql, SqlDialect dialect, KnownTables knownTables) {
        if (sql == null || sql.isBlank()) {
            return refuse("The query is empty");
        }
        if (sql.length() > maxLength) {
            return refuse("The query is too long (" + sql.length() + " characters; at most " + maxLength + ")");
        }
        String textProblem = SqlTextCheck.problem(sql, dialect);
        if (textProblem != null) {
            return refuse(textProblem);
        }
        Statement statement;
        try {
            statement = parseOne(sql, dialect);
        } catch (Unparsable e) {
            return refuse(e.getMessage());
        }
        Set<TableRef> tables = ReadOnlyTreeCheck.check(statement, dialect, knownTables);

        // What runs is the parser's own rendering of the tree it checked, so comments and anything the parser
        // skipped are gone. It must itself pass every check and render to the same text.
        String normalized = statement.toString();
        String again = SqlTextCheck.problem(normalized, dialect);
        if (again != null) {
            return refuse("The query could not be normalized safely: " + again);
        }
        Statement reparsed;
        try {
            reparsed = parseOne(normalized, dialect);
        } catch (Unparsable e) {
            return refuse("The query could not be normalized safely: " + e.getMessage());
        }
        ReadOnlyTreeCheck.check(reparsed, dialect, knownTables);
        if (!reparsed.toString().equals(normalized)) {
            return refuse("The query could not be normalized safely: it reads differently once rewritten");
        }
        return new GuardVerdict.Accepted(normalized, (Select) statement, tables);
    }

    private Statement parseOne(String sql, SqlDialect dialect) throws Unparsable {
        Statements statements;
        try {
            statements = GuardedParser.parse(sql, dialect, parseTimeout);
        } catch (GuardedParser.ParseTimeout e) {
            throw new Unparsable("The query took too long to parse (more than " + parseTimeout.toMillis() + " ms)");
        } catch (JSQLParserException e) {
            throw new Unparsable("Could not parse the query: " + GuardedParser.shortMessage(e));
        }
        if (statements == null || statements.isEmpty()) {
            throw new Unparsable("The query is empty");
        }
        if (statements.size() > 1) {
            throw new Unparsable("Only one statement is allowed");
        }
        Statement statement = statements.get(0);
        if (statement == null) {
            throw new Unparsable("The query is empty");
        }
        return statement;
    }

    private static GuardVerdict refuse(String reason) {
        return new GuardVerdict.Refused(reason);
    }

    private static final class Unparsable extends Exception {
        Unparsable(String reason) {
            super(reason, null, false, false);
        }
    }
}
