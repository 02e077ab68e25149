package io.datamind.llm;

import io.datamind.llm.LlmException.Category;

/** A provider that cannot be called at all and says why, without any network request. */
final class RefusingProvider implements LlmProvider {

    private final String id;
    private final Category category;
    private final String message;

    RefusingProvider(String id, Category category, String message) {
        this.id = id;
        this.category = category;
        this.message = message;
    }

    static RefusingProvider missingKey(String id, String providerName) {
        return new RefusingProvider(
                id,
                Category.AUTH,
                "No API key is configured for " + providerName + "; ask an admin to add one in the AI settings.");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public LlmCompletion complete(LlmRequest request, TokenListener listener, CancellationToken cancel) {
        throw new LlmException(category, message);
    }
}
