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
 */
public record LlmCompletion(String text, long inputTokens, long outputTokens, String model, String finishReason) {}
