package io.datamind.llm;

/**
 * A language model that answers one request at a time, streaming its answer token by token. Implementations are
 * thread-safe; one instance serves many conversations at once.
 */
public interface LlmProvider {

    /** {@code anthropic}, {@code openai} (any OpenAI-compatible server) or {@code offline}. */
    String id();

    /**
     * Sends the request and blocks until the model finished its answer. Tokens reach the listener in order, on a
     * thread of the provider, as they arrive.
     *
     * @throws LlmException whenever no complete answer came back: the category says why and the message is safe to
     *     show to the user. After a retry the listener never sees a token twice: once tokens flowed, a failure is
     *     final.
     */
    LlmCompletion complete(LlmRequest request, TokenListener listener, CancellationToken cancel);
}
