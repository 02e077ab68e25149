package io.datamind.llm;

/**
 * Settings with every blank filled in from the instance defaults.
 *
 * @param apiKey null when the provider is called without a key (a local Ollama, say)
 */
record ResolvedSettings(String provider, String model, String baseUrl, String apiKey) {

    @Override
    public String toString() {
        return "ResolvedSettings[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "none" : "***") + "]";
    }
}
