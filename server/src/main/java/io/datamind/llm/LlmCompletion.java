package io.datamind.llm;

/**
 * A complete answer.
 *
 * @param text every token the listener received, joined
 * @param inputTokens prompt tokens as the provider counted and billed them
 * @param outputTokens answer tokens as the provider counted and billed them
 * @param model the model that answered, as the provider names it
 * @param finishReason why the model stopped: {@code stop} when it finished, {@code length} when it reached the token
 *     limit (the answer is cut off), otherwise the provider's own reason in lower case
 * @param estimated whether the token figures are partly DataMind's estimate: the provider reported no usage, or
 *     attempts that failed before this one used tokens it never reported
 */
public record LlmCompletion(
        String text, long inputTokens, long outputTokens, String model, String finishReason, boolean estimated) {

    public LlmCompletion(String text, long inputTokens, long outputTokens, String model, String finishReason) {
        this(text, inputTokens, outputTokens, model, finishReason, false);
    }

    /** The tokens to charge for this answer. */
    public TokenUsage usage() {
        return new TokenUsage(inputTokens, outputTokens, estimated);
    }

    /** This answer with the tokens of earlier attempts of the same request added (they were billed too). */
    LlmCompletion plus(TokenUsage earlier) {
        if (earlier.isNone()) {
            return this;
        }
        TokenUsage total = usage().plus(earlier);
        return new LlmCompletion(text, total.input(), total.output(), model, finishReason, total.estimated());
    }
}
