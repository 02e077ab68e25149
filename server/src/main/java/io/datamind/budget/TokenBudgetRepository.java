package io.datamind.budget;

import io.datamind.common.DbTimes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per organization. Every change is a single statement, so concurrent charges need no lock of ours: the
 * database serializes updates of the row, and each sees the value the previous one committed (PostgreSQL re-reads
 * the row after waiting for its lock; H2 locks the row before reading it).
 */
@Repository
class TokenBudgetRepository {

    /** A row as stored; {@code used} belongs to the period starting {@code periodStart}, which may be over. */
    record Row(Long monthlyBudget, long used, LocalDate periodStart) {}

    // Both CASEs read the row as it was before this statement (standard SQL), so the period moves forward at most
    // once and a charge arriving late for a finished month counts towards the newer one instead of resetting it.
    private static final String CHARGE = "UPDATE token_budgets SET"
            + " used_tokens = CASE WHEN period_start < :period THEN :tokens ELSE used_tokens + :tokens END,"
            + " period_start = CASE WHEN period_start < :period THEN :period ELSE period_start END,"
            + " updated_at = :now WHERE org_id = :orgId";

    private final JdbcClient jdbc;

    TokenBudgetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID orgId) {
        return jdbc.sql("SELECT monthly_budget, used_tokens, period_start FROM token_budgets WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((rs, n) -> {
                    long budget = rs.getLong("monthly_budget");
                    return new Row(
                            rs.wasNull() ? null : budget,
                            rs.getLong("used_tokens"),
                            rs.getObject("period_start", LocalDate.class));
                })
                .optional();
    }

    /** Adds tokens to the organization's usage in {@code period}, starting that period if the row is older. */
    void charge(UUID orgId, long tokens, LocalDate period, Instant now) {
        if (charged(orgId, tokens, period, now)) {
            return;
        }
        // No row yet. Of several first charges at once, one inserts; the others find the row and add to it.
        if (!insertIfMissing(orgId, null, tokens, period, now) && !charged(orgId, tokens, period, now)) {
            throw new IllegalStateException("Token budget row of organization " + orgId + " vanished");
        }
    }

    /** Sets the organization's own budget ({@code null}: back to the instance default), keeping its usage. */
    void setBudget(UUID orgId, Long monthlyBudget, LocalDate period, Instant now) {
        int updated = jdbc.sql("UPDATE token_budgets SET monthly_budget = :budget, updated_at = :now"
                        + " WHERE org_id = :orgId")
                .param("budget", monthlyBudget)
                .param("now", DbTimes.utc(now))
                .param("orgId", orgId)
                .update();
        if (updated == 0 && !insertIfMissing(orgId, monthlyBudget, 0, period, now)) {
            setBudget(orgId, monthlyBudget, period, now);
        }
    }

    private boolean charged(UUID orgId, long tokens, LocalDate period, Instant now) {
        return jdbc.sql(CHARGE)
                        .param("tokens", tokens)
                        .param("period", period)
                        .param("now", DbTimes.utc(now))
                        .param("orgId", orgId)
                        .update()
                > 0;
    }

    /** True when this call made the row; false when it existed already (or another call made it meanwhile). */
    private boolean insertIfMissing(UUID orgId, Long monthlyBudget, long used, LocalDate period, Instant now) {
        return jdbc.sql("INSERT INTO token_budgets (org_id, monthly_budget, used_tokens, period_start, created_at,"
                                + " updated_at) VALUES (:orgId, :budget, :used, :period, :now, :now)"
                                + " ON CONFLICT DO NOTHING")
                        .param("orgId", orgId)
                        .param("budget", monthlyBudget)
                        .param("used", used)
                        .param("period", period)
                        .param("now", DbTimes.utc(now))
                        .update()
                > 0;
    }
}
