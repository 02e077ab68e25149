package io.datamind.ask;

import io.datamind.llm.CancellationToken;
import io.datamind.llm.TokenListener;
import io.datamind.query.QueryFailedException;
import io.datamind.query.QueryResult;
import io.datamind.query.guard.GuardVerdict;
import io.datamind.query.guard.TableRef;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks and runs a draft's SQL; while the check or the database refuses it, the author repairs it, at most twice.
 * Each repair is a {@code repair} stage followed by another check and execution.
 */
@Component
class QueryAttempts {

    static final int MAX_REPAIRS = 2;

    private final QueryCheck check;
    private final QueryExecution execution;

    QueryAttempts(QueryCheck check, QueryExecution execution) {
        this.check = check;
        this.execution = execution;
    }

    /**
     * A query that ran.
     *
     * @param sql the SQL as the guard rendered it, which is what ran
     * @param tablesRead the connection's tables it reads, lower case
     * @param suggestedChart the chart the author suggested for it; null for none
     */
    record Ran(QueryResult result, String sql, Set<String> tablesRead, String suggestedChart) {}

    /** @return the result, or empty when the outcome ended (declined, or failed after the repairs) */
    Optional<Ran> run(
            Question question,
            SqlTask task,
            SqlAuthor author,
            Draft first,
            StageClock clock,
            TokenListener sqlTokens,
            CancellationToken cancel,
            Outcome outcome) {
        Draft draft = first;
        for (int repairs = 0; ; repairs++) {
            if (draft instanceof Draft.Declined declined) {
                outcome.end(Outcome.DECLINED, declined.message());
                return Optional.empty();
            }
            Draft.Sql sql = (Draft.Sql) draft;
            outcome.sql = sql.sql();
            outcome.reasoning = sql.reasoning();
            outcome.confidence = sql.confidence();
            Cancelled.check(cancel);
            GuardVerdict verdict = clock.time(
                    "check", () -> check.check(sql.sql(), question.target().type(), question.snapshot()));
            String error;
            if (verdict instanceof GuardVerdict.Accepted accepted) {
                outcome.sql = accepted.sql();
                try {
                    Cancelled.check(cancel);
                    QueryResult result = clock.time(
                            "execute",
                            () -> execution.run(question.target(), accepted.sql(), question.queryId(), cancel));
                    return Optional.of(new Ran(result, accepted.sql(), names(accepted.tables()), sql.chart()));
                } catch (QueryFailedException e) {
                    Cancelled.check(cancel);
                    if (!repairable(e)) {
                        outcome.end(Outcome.FAILED, e.getMessage());
                        return Optional.empty();
                    }
                    error = "the database said: " + e.getMessage();
                }
            } else {
                error = "the SQL check refused it: " + verdict.reasonOrNull();
            }
            if (repairs == MAX_REPAIRS) {
                outcome.end(Outcome.FAILED, "No working query after " + (repairs + 1) + " attempts; " + error);
                return Optional.empty();
            }
            Cancelled.check(cancel);
            String why = error;
            Optional<Draft> repaired = clock.time("repair", () -> author.repair(task, sql, why, sqlTokens, cancel));
            if (repaired.isEmpty()) {
                outcome.end(Outcome.FAILED, Character.toUpperCase(error.charAt(0)) + error.substring(1));
                return Optional.empty();
            }
            outcome.attempts++;
            draft = repaired.get();
        }
    }

    /** Errors a better query may avoid; a lost connection or a cancel is not the SQL's fault. */
    private static boolean repairable(QueryFailedException e) {
        return switch (e.category()) {
            case SYNTAX, SEMANTIC, PERMISSION, TIMEOUT -> true;
            default -> false;
        };
    }

    private static Set<String> names(Set<TableRef> tables) {
        return tables.stream()
                .map(table -> table.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }
}
