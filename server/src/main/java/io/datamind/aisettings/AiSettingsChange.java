package io.datamind.aisettings;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new choice of provider. Blank model and base URL take the provider's instance defaults.
 *
 * @param apiKey absent or null keeps the stored key; an empty string clears it; anything else replaces it
 */
record AiSettingsChange(
        @Schema(allowableValues = {"offline", "anthropic", "openai"})
        String provider,

        String model,
        @Schema(example = "http://localhost:11434") String baseUrl,

        @Schema(format = "password", description = "write-only")
        String apiKey) {

    @Override
    public String toString() {
        return "AiSettingsChange[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                + (apiKey == null ? "absent" : "***") + "]";
    }
}
