package io.datamind.llm;

import java.net.InetAddress;
import java.util.List;

/**
 * Which model to use and how to reach it: the instance defaults, or an organization's own AI settings. Blank fields
 * take the instance defaults of that provider (see {@link LlmProviders#create}).
 *
 * @param provider {@code offline}, {@code anthropic} or {@code openai} (any OpenAI-compatible server)
 * @param model the provider's model id, e.g. {@code claude-sonnet-4-5}, {@code gpt-4.1-mini}, {@code llama3.1}
 * @param baseUrl where the provider listens, e.g. {@code https://api.anthropic.com}, {@code http://localhost:11434}
 * @param apiKey the secret sent to the provider; never logged
 * @param checkedAddresses the addresses the base URL's host was checked to resolve to, the only ones connected to
 *     (empty: it did not resolve); null to resolve the host when connecting, for the instance's own configuration
 */
public record LlmProviderSettings(
        String provider, String model, String baseUrl, String apiKey, List<InetAddress> checkedAddresses) {

    public LlmProviderSettings {
        checkedAddresses = checkedAddresses == null ? null : List.copyOf(checkedAddresses);
    }

    public LlmProviderSettings(String provider, String model, String baseUrl, String apiKey) {
        this(provider, model, baseUrl, apiKey, null);
    }

    public static LlmProviderSettings of(String provider) {
        return new LlmProviderSettings(provider, null, null, null);
    }

    @Override
    public String toString() {
        return "LlmProviderSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null || apiKey.isBlank() ? "none" : "***") + ", checkedAddresses=" + checkedAddresses
                + "]";
    }
}
