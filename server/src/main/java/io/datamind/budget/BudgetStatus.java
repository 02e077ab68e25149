package io.datamind.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;

/**
 * The organization's budget in the current period.
 *
 * @param budget tokens allowed this month
 * @param used tokens charged this month; the call that crosses the budget is charged in full, so it may exceed it
 * @param remaining tokens left, never negative
 * @param pctUsed share of the budget used, in percent with one decimal; 100 for a budget of 0
 * @param resetsAt when usage starts again from 0 (midnight UTC, first of next month)
 */
record BudgetStatus(long budget, long used, long remaining, double pctUsed, Instant resetsAt) {

    static BudgetStatus of(long budget, long used, Instant resetsAt) {
        double pct = budget == 0
                ? 100.0
                : BigDecimal.valueOf(used)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(budget), 1, RoundingMode.HALF_UP)
                        .doubleValue();
        return new BudgetStatus(budget, used, Math.max(0, budget - used), pct, resetsAt);
    }
}
