package io.datamind.llm;

import java.util.List;
import java.util.Objects;

/**
 * What the model is asked.
 *
 * @param system instructions sent as the system prompt; blank for none
 * @param messages the conversation so far, oldest first, ending with the user's turn
 * @param maxTokens the longest answer the model may give, in tokens
 * @param temperature randomness, 0 for the most deterministic answer
 */
public record LlmRequest(String system, List<LlmMessage> messages, int maxTokens, double temperature) {

    public LlmRequest {
        system = system == null ? "" : system;
        Objects.requireNonNull(messages, "messages");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("An LLM request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1");
        }
        if (temperature < 0 || temperature > 2) {
            throw new IllegalArgumentException("temperature must be between 0 and 2");
        }
    }
}
