package io.datamind.aisettings;

import io.datamind.llm.LlmProviderSettings;
import java.util.UUID;
import org.springframework.stereotype.Component;

// Placeholder until stored organization settings land (this session): every organization uses the instance default.
@Component
class InstanceDefaultAiSettings implements AiSettings {

    @Override
    public LlmProviderSettings forOrganization(UUID orgId) {
        return LlmProviderSettings.of(null);
    }
}
