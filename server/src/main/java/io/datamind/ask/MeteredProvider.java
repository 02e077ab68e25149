package io.datamind.ask;

import io.datamind.budget.TokenBudgets;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmCompletion;
import io.datamind.llm.LlmException;
import io.datamind.llm.LlmProvider;
import io.datamind.llm.LlmRequest;
import io.datamind.llm.TokenListener;
import io.datamind.llm.TokenUsage;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A provider for one question that asks the budget before every call and charges it after, with the usage the
 * provider reported, counted per phase for the answer. Calls that fail are charged too, with what the provider
 * reported before they ended or an estimate where it reported nothing (see {@link LlmException#spent()}).
 */
final class MeteredProvider {

    private static final Logger log = LoggerFactory.getLogger(MeteredProvider.class);

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
        LlmCompletion completion;
        try {
            completion = provider.complete(request, tokens, cancel);
        } catch (LlmException e) {
            // A call that broke off, stalled or was cancelled was billed all the same.
            try {
                charge(phase, e.spent());
            } catch (RuntimeException chargeFailed) {
                e.addSuppressed(chargeFailed);
            }
            throw e;
        }
        charge(phase, completion.usage());
        if (completion.model() != null && !completion.model().isBlank()) {
            model = completion.model();
        }
        return completion;
    }

    private void charge(Phase phase, TokenUsage usage) {
        if (usage.isNone()) {
            return;
        }
        input[phase.ordinal()] += usage.input();
        output[phase.ordinal()] += usage.output();
        budgets.record(orgId, usage.input(), usage.output());
        if (usage.estimated()) {
            log.warn(
                    "Charged organization {} {} input and {} output tokens for {} with {}, partly estimated: the provider"
                            + " did not report all of them",
                    orgId,
                    usage.input(),
                    usage.output(),
                    phase.name().toLowerCase(Locale.ROOT),
                    provider.id());
        }
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
