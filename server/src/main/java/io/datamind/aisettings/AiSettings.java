package io.datamind.aisettings;

import io.datamind.llm.LlmProviderSettings;
import java.util.UUID;

/** Which provider an organization's questions go to. */
public interface AiSettings {

    /**
     * The organization's own settings, key decrypted, or {@code LlmProviderSettings.of(null)} (the instance default)
     * when it has none. Pass the result to {@link io.datamind.llm.LlmProviders#create}.
     */
    LlmProviderSettings forOrganization(UUID orgId);
}
