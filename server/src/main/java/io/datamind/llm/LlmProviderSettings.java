package io.datamind.llm;

/**
 * Which model to use and how to reach it: the instance defaults, or an organization's own AI settings. Blank fields
 * take the instance defaults of that provider (see {@link LlmProviders#create}).
 *
 * @param provider {@code offline}, {@code anthropic} or {@code openai} (any OpenAI-compatible server)
 * @param model the provider's model id, e.g. {@code claude-sonnet-4-5}, {@code gpt-4.1-mini}, {@code llama3.1}
 * @param baseUrl where the provider listens, e.g. {@code https://api.anthropic.com}, {@code http://localhost:11434}
 * @param apiKey the secret sent to the provider; never logged
 */
public record LlmProviderSettings(String provider, String model, String baseUrl, String apiKey) {

    public static LlmProviderSettings of(String provider) {
        return new LlmProviderSettings(provider, null, null, null);
    }

    @Override
    public String toString() {
        return "LlmProviderSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "none" : "***") + "]";
    }
}
