package io.datamind.llm;

import java.util.Map;
import org.springframework.ai.chat.model.StreamingChatModel;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A Spring AI streaming chat model wired to one provider endpoint, with the options each request needs.
 *
 * @param model the Spring AI model, talking to the provider through its SDK
 * @param options the per-request options (model id, token limit, temperature, per-call timeout, extra headers)
 * @param modelName the model asked for, reported when the provider does not name the one that answered
 * @param calls the HTTP calls in flight on this client's connections
 */
record ChatModelClient(StreamingChatModel model, Options options, String modelName, InFlightCalls calls) {

    @FunctionalInterface
    interface Options {
        ChatOptions forRequest(LlmRequest request, Map<String, String> headers);
    }
}
