package io.datamind.ask;

import io.datamind.budget.TokenBudgets;

/** The organization's token budget is used up, so the provider was not called. */
final class BudgetExhausted extends RuntimeException {

    BudgetExhausted() {
        super(TokenBudgets.EXCEEDED_MESSAGE, null, false, false);
    }
}
