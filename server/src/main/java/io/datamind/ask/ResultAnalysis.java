package io.datamind.ask;

import io.datamind.budget.TokenBudgets;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmException;
import io.datamind.llm.TokenListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Step 10: the narrative of a result. The author's, or the plain one when no provider may be called or it failed
 * before the client saw any of its analysis.
 */
@Component
class ResultAnalysis {

    /** Ends an analysis the provider stopped sending partway; streamed after the part the client already has. */
    static final String CUT_OFF = "\n\n(The analysis was cut off: the AI provider stopped answering.)";

    /**
     * Ends the plain analysis that stands in when the budget ran out after the query was written: the answer shows
     * its result, and says why the AI provider did not describe it.
     */
    static final String BUDGET_NOTE = "\n\n(Described without the AI provider. " + TokenBudgets.EXCEEDED_MESSAGE + ")";

    private static final Logger log = LoggerFactory.getLogger(ResultAnalysis.class);

    private final PlainAnalysis plain;

    ResultAnalysis(PlainAnalysis plain) {
        this.plain = plain;
    }

    /**
     * A reused verified query is described without the model: the reuse promised no provider call. When the provider
     * failed partway, the client keeps what it saw plus a note that the rest is missing, and the stored analysis is
     * exactly that text: two analyses, one broken off and one without the model, would read as a contradiction.
     */
    Narrative explain(
            SqlAuthor author, AnalysisTask task, TokenListener tokens, CancellationToken cancel, Outcome outcome) {
        if (outcome.reused) {
            return plain.describe(task, tokens);
        }
        SentTokens sent = new SentTokens(tokens);
        try {
            return author.analyze(task, sent, cancel);
        } catch (BudgetExhausted e) {
            // The budget checks before every call, so nothing of the provider's analysis was sent.
            Narrative described = plain.describe(task, tokens);
            tokens.onToken(BUDGET_NOTE);
            return new Narrative(described.text() + BUDGET_NOTE, described.followUps());
        } catch (LlmException e) {
            if (e.category() == LlmException.Category.CANCELLED || cancel.isCancelled()) {
                throw e;
            }
            if (sent.isEmpty()) {
                // The query ran and its result is worth showing; the numbers are described without the model.
                log.info("Analysis by the provider failed ({}); describing the result without it", e.category());
                return plain.describe(task, tokens);
            }
            log.info(
                    "Analysis by the provider broke off after {} characters ({}); keeping them with a note",
                    sent.text().length(),
                    e.category());
            sent.onToken(CUT_OFF);
            return new Narrative(sent.text(), plain.followUps(task));
        }
    }
}
