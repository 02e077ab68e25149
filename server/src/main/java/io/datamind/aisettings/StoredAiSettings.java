package io.datamind.aisettings;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code ai_settings}; the key stays encrypted until a provider is built. */
record StoredAiSettings(
        UUID orgId,
        String provider,
        String model,
        String baseUrl,
        String apiKeyEnc,
        Instant createdAt,
        Instant updatedAt) {

    @Override
    public String toString() {
        return "StoredAiSettings[orgId=" + orgId + ", provider=" + provider + ", model=" + model + ", baseUrl="
                + baseUrl + ", apiKeyEnc=" + (apiKeyEnc == null ? "none" : "***") + "]";
    }
}
