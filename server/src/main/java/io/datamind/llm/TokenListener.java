package io.datamind.llm;

/** Receives the answer as the model produces it. */
@FunctionalInterface
public interface TokenListener {

    /** For callers that only want the complete answer. */
    TokenListener NONE = token -> {};

    /**
     * A piece of the answer, in order. Called on a provider thread, never concurrently for one request, never after
     * {@link LlmProvider#complete} returned or threw, and never interrupted by a cancel. An exception thrown here stops
     * the model and is rethrown by {@link LlmProvider#complete}.
     */
    void onToken(String token);
}
