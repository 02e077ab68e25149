package io.datamind.budget;

import java.util.UUID;
import org.springframework.stereotype.Component;

// Placeholder until the stored budgets land (this session): every organization may call, nothing is counted.
@Component
class UnlimitedTokenBudgets implements TokenBudgets {

    @Override
    public boolean hasRemaining(UUID orgId) {
        return true;
    }

    @Override
    public void record(UUID orgId, long inputTokens, long outputTokens) {}
}
