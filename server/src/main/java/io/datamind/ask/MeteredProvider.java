package io.datamind.ask;

import io.datamind.budget.TokenBudgets;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmCompletion;
import io.datamind.llm.LlmProvider;
import io.datamind.llm.LlmRequest;
import io.datamind.llm.TokenListener;
import java.util.UUID;

/**
 * A provider for one question that asks the budget before every call and charges it after, with the usage the
 * provider reported, counted per phase for the answer.
 */
final class MeteredProvider {

    enum Phase {
        SQL_GENERATION,
        ANALYSIS
    }

    private final LlmProvider provider;
    private final TokenBudgets budgets;
    private final UUID orgId;
    private final long[] input = new long[Phase.values().length];
    private final long[] output = new long[Phase.values().length];
    private String model;

    MeteredProvider(LlmProvider provider, TokenBudgets budgets, UUID orgId, String configuredModel) {
        this.provider = provider;
        this.budgets = budgets;
        this.orgId = orgId;
        this.model = configuredModel;
    }

    /**
     * @throws BudgetExhausted before any request when the organization's budget is used up
     * @throws io.datamind.llm.LlmException when the provider gave no complete answer
     */
    LlmCompletion complete(Phase phase, LlmRequest request, TokenListener tokens, CancellationToken cancel) {
        if (!budgets.hasRemaining(orgId)) {
            throw new BudgetExhausted();
        }
        LlmCompletion completion = provider.complete(request, tokens, cancel);
        input[phase.ordinal()] += completion.inputTokens();
        output[phase.ordinal()] += completion.outputTokens();
        budgets.record(orgId, completion.inputTokens(), completion.outputTokens());
        if (completion.model() != null && !completion.model().isBlank()) {
            model = completion.model();
        }
        return completion;
    }

    String provider() {
        return provider.id();
    }

    String model() {
        return model;
    }

    ChatAnswer.Tokens usage() {
        return new ChatAnswer.Tokens(
                new ChatAnswer.Usage(input[Phase.SQL_GENERATION.ordinal()], output[Phase.SQL_GENERATION.ordinal()]),
                new ChatAnswer.Usage(input[Phase.ANALYSIS.ordinal()], output[Phase.ANALYSIS.ordinal()]));
    }
}
