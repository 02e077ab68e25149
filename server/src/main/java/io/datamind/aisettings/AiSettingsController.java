package io.datamind.aisettings;

import io.datamind.auth.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admins only, reading included: members already see the provider and model of each answer, and the base URL (often
 * an address inside the company's network) and where the key comes from are for those who manage them.
 */
@RestController
@RequestMapping("/api/v1/org/ai-settings")
@Tag(name = "AI settings")
class AiSettingsController {

    private final OrganizationAiSettings settings;

    AiSettingsController(OrganizationAiSettings settings) {
        this.settings = settings;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Your organization's AI provider, model and base URL, and whether a key is set (admin)")
    AiSettingsView get(Caller caller) {
        return settings.view(caller.orgId());
    }

    @PutMapping
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(
            summary = "Choose your organization's AI provider (admin)",
            description = "Blank model and baseUrl take the instance defaults. apiKey absent keeps the stored key, an"
                    + " empty string clears it; when the provider or base URL changes, the key must be given again.")
    AiSettingsView update(Caller caller, @RequestBody AiSettingsChange change) {
        return settings.change(caller.orgId(), caller.userId(), change);
    }
}
