package io.datamind.budget;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultMonthlyTokens input plus output tokens an organization may use per UTC month unless an admin set
 *     its own budget
 */
@ConfigurationProperties("datamind.budget")
record BudgetProperties(@DefaultValue("1000000") long defaultMonthlyTokens) {

    BudgetProperties {
        if (defaultMonthlyTokens < 0 || defaultMonthlyTokens > BudgetLimits.MAX_MONTHLY_TOKENS) {
            throw new IllegalArgumentException(
                    "datamind.budget.default-monthly-tokens must be between 0 and " + BudgetLimits.MAX_MONTHLY_TOKENS);
        }
    }
}
