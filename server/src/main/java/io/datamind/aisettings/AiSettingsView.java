package io.datamind.aisettings;

import java.time.Instant;
import java.util.List;

/**
 * What an organization's questions go to, as admins see it; the key is never part of it.
 *
 * @param provider the effective provider: {@code offline}, {@code anthropic} or {@code openai}
 * @param model the effective model; null for the offline engine
 * @param baseUrl the effective base URL; null for the offline engine
 * @param apiKeySet whether the organization stored a key of its own
 * @param apiKeySource the key requests would carry: {@code organization}, {@code instance} (the instance's key, only
 *     ever sent to the instance's own base URL) or {@code none}
 * @param custom whether the organization chose settings of its own (false: everything is the instance default)
 * @param instanceDefaults which of provider, model and baseUrl come from the instance defaults
 * @param updatedAt when the organization last changed its settings; null when it never did
 */
record AiSettingsView(
        String provider,
        String model,
        String baseUrl,
        boolean apiKeySet,
        String apiKeySource,
        boolean custom,
        List<String> instanceDefaults,
        Instant updatedAt) {}
