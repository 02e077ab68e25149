package io.datamind.ask;

import io.datamind.budget.TokenBudgets;
import org.springframework.stereotype.Component;

/**
 * Step 1: whether the organization may spend tokens on this question at all. Asked before anything else, so an
 * exhausted budget ends the question with the budget message before any stage runs, and no provider is called, not
 * even for a verified example's reuse (which would still need the analysis). The offline engine uses no tokens and
 * is never stopped. {@link MeteredProvider} asks again before every call: the budget may run out mid-question.
 */
@Component
class BudgetCheck {

    private final TokenBudgets budgets;

    BudgetCheck(TokenBudgets budgets) {
        this.budgets = budgets;
    }

    /** @return whether the question may go on; false ends it as declined with {@link TokenBudgets#EXCEEDED_MESSAGE} */
    boolean allows(Question question, SqlAuthor author) {
        return !author.spendsTokens() || budgets.hasRemaining(question.orgId());
    }
}
