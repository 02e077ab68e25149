package io.datamind.budget;

import io.datamind.audit.AuditEvent;
import io.datamind.common.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Budgets and usage kept in the application database, so every replica sees the same counter. */
@Service
class StoredTokenBudgets implements TokenBudgets {

    private final TokenBudgetRepository repository;
    private final BudgetProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    @Autowired
    StoredTokenBudgets(
            TokenBudgetRepository repository, BudgetProperties properties, ApplicationEventPublisher events) {
        this(repository, properties, events, Clock.systemUTC());
    }

    StoredTokenBudgets(
            TokenBudgetRepository repository,
            BudgetProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public boolean hasRemaining(UUID orgId) {
        return status(orgId).remaining() > 0;
    }

    @Override
    public void record(UUID orgId, long inputTokens, long outputTokens) {
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts cannot be negative");
        }
        long tokens = Math.addExact(inputTokens, outputTokens);
        if (tokens == 0) {
            return;
        }
        Instant now = clock.instant();
        repository.charge(orgId, tokens, BudgetLimits.periodOf(now), now);
    }

    BudgetStatus status(UUID orgId) {
        LocalDate period = BudgetLimits.periodOf(clock.instant());
        TokenBudgetRepository.Row row = repository.find(orgId).orElse(null);
        long budget =
                row == null || row.monthlyBudget() == null ? properties.defaultMonthlyTokens() : row.monthlyBudget();
        // A row from an earlier month has not been charged this month yet: nothing is used.
        boolean current = row != null && !row.periodStart().isBefore(period);
        long used = current ? row.used() : 0;
        LocalDate periodStart = current ? row.periodStart() : period;
        return BudgetStatus.of(budget, used, BudgetLimits.resetsAt(periodStart));
    }

    @Transactional
    BudgetStatus setMonthlyBudget(UUID orgId, UUID userId, BigDecimal requested) {
        long monthlyTokenBudget = validBudget(requested);
        long previous = status(orgId).budget();
        Instant now = clock.instant();
        repository.setBudget(orgId, monthlyTokenBudget, BudgetLimits.periodOf(now), now);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("previousMonthlyTokenBudget", previous);
        details.put("monthlyTokenBudget", monthlyTokenBudget);
        events.publishEvent(new AuditEvent(orgId, userId, "budget.updated", "organization", orgId.toString(), details));
        return status(orgId);
    }

    private static long validBudget(BigDecimal requested) {
        String field = "monthlyTokenBudget";
        if (requested == null) {
            throw ApiException.invalidField(field, "is required");
        }
        if (requested.signum() < 0) {
            throw ApiException.invalidField(field, "must be 0 or more");
        }
        if (requested.stripTrailingZeros().scale() > 0) {
            throw ApiException.invalidField(field, "must be a whole number of tokens");
        }
        if (requested.compareTo(BigDecimal.valueOf(BudgetLimits.MAX_MONTHLY_TOKENS)) > 0) {
            throw ApiException.invalidField(field, "must be at most " + BudgetLimits.MAX_MONTHLY_TOKENS + " tokens");
        }
        return requested.longValueExact();
    }
}
