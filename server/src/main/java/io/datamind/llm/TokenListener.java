package io.datamind.llm;

/** Receives the answer as the model produces it. */
@FunctionalInterface
public interface TokenListener {

    /** For callers that only want the complete answer. */
    TokenListener NONE = token -> {};

    /**
     * A piece of the answer, in order. Called on the thread that called {@link LlmProvider#complete}, never after it
     * returned or threw. An exception thrown here stops the model and is rethrown by {@link LlmProvider#complete}.
     */
    void onToken(String token);
}
