package io.datamind.budget;

import io.datamind.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every member sees how much of the month's budget is left; admins set it. */
@RestController
@RequestMapping("/api/v1/org/budget")
@Tag(name = "Budget")
class BudgetController {

    /**
     * @param monthlyTokenBudget input plus output tokens per UTC month; 0 stops every provider call. Read as a
     *     decimal so that 1.5 is refused rather than silently cut to 1.
     */
    record BudgetChange(
            @Schema(type = "integer", types = "integer", format = "int64", minimum = "0")
            BigDecimal monthlyTokenBudget) {}

    private final StoredTokenBudgets budgets;

    BudgetController(StoredTokenBudgets budgets) {
        this.budgets = budgets;
    }

    @GetMapping
    @Operation(summary = "Your organization's monthly token budget and its use this month")
    BudgetStatus get(Caller caller) {
        return budgets.status(caller.orgId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Set your organization's monthly token budget (admin)")
    BudgetStatus update(Caller caller, @RequestBody BudgetChange change) {
        return budgets.setMonthlyBudget(caller.orgId(), caller.userId(), change.monthlyTokenBudget());
    }
}
