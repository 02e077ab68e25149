package io.datamind.aisettings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datamind.audit.AuditEvent;
import io.datamind.common.ApiException;
import io.datamind.datasource.CredentialCipher;
import io.datamind.datasource.CredentialCipherException;
import io.datamind.datasource.OutboundAddresses;
import io.datamind.llm.LlmProviderSettings;
import io.datamind.llm.LlmProviders;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each organization's provider, model, base URL and key, over the instance defaults. The key is encrypted under the
 * master key with the organization in its authenticated context, and decrypted only to build a provider.
 *
 * <p>Every question reads its organization's row (one look-up by key, so a change on any replica, a rotation or a
 * tampered row counts at once), but the key is decrypted once per stored value: {@link #decrypted} is keyed by the
 * organization and the ciphertext itself, and every save encrypts under a fresh IV, so a changed key is a new entry
 * and needs no invalidation.
 */
@Service
class OrganizationAiSettings implements AiSettings {

    private static final Logger log = LoggerFactory.getLogger(OrganizationAiSettings.class);
    private static final int MAX_MODEL = 200;
    private static final int MAX_BASE_URL = 2000;
    private static final int MAX_KEY = 4096;
    // Stands in for the stored key when only the effective settings are wanted, so GET never decrypts it.
    private static final String STORED_KEY = "stored";

    private final AiSettingsRepository repository;
    private final CredentialCipher cipher;
    private final LlmProviders providers;
    private final ApplicationEventPublisher events;
    private final OutboundAddresses addresses;
    private final Clock clock = Clock.systemUTC();
    private final Cache<Sealed, String> decrypted = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    OrganizationAiSettings(
            AiSettingsRepository repository,
            CredentialCipher cipher,
            LlmProviders providers,
            ApplicationEventPublisher events) {
        this.repository = repository;
        this.cipher = cipher;
        this.providers = providers;
        this.events = events;
        this.addresses = OutboundAddresses.of(providers.allowsPrivateNetworks());
    }

    // No transaction: one query, and no connection held while the base URL's host is looked up.
    @Override
    public LlmProviderSettings forOrganization(UUID orgId) {
        return repository
                .find(orgId)
                .map(stored -> {
                    // Judged again at every use: a name may resolve elsewhere now, or the row predates the check.
                    // The provider then connects to exactly the addresses judged here, never resolving the name anew.
                    Optional<OutboundAddresses.Verdict> verdict = judge(stored.provider(), stored.baseUrl());
                    verdict.filter(OutboundAddresses.Verdict::refused).ifPresent(refused -> {
                        log.warn(
                                "The AI base URL of organization {} is refused: {}", stored.orgId(), refused.refusal());
                        throw new ApiException(
                                HttpStatus.CONFLICT,
                                "AI settings need attention",
                                "The organization's AI provider address is not allowed (" + refused.refusal() + "); ask"
                                        + " an admin to change the base URL in the AI settings");
                    });
                    return new LlmProviderSettings(
                            stored.provider(),
                            stored.model(),
                            stored.baseUrl(),
                            decryptKey(stored),
                            verdict.map(OutboundAddresses.Verdict::addresses).orElse(null));
                })
                .orElseGet(() -> LlmProviderSettings.of(null));
    }

    @Transactional(readOnly = true)
    AiSettingsView view(UUID orgId) {
        return repository.find(orgId).map(this::view).orElseGet(this::instanceView);
    }

    @Transactional
    AiSettingsView change(UUID orgId, UUID userId, AiSettingsChange change) {
        if (change.provider() == null || change.provider().isBlank()) {
            throw ApiException.invalidField("provider", "is required: offline, anthropic or openai");
        }
        String model = text("model", change.model(), MAX_MODEL);
        String baseUrl = text("baseUrl", change.baseUrl(), MAX_BASE_URL);
        checkNoUserInfo(baseUrl);
        String newKey = change.apiKey() == null ? null : text("apiKey", change.apiKey(), MAX_KEY);
        boolean keepKey = change.apiKey() == null;

        StoredAiSettings existing = repository.find(orgId).orElse(null);
        boolean hadKey = existing != null && existing.apiKeyEnc() != null;
        LlmProviderSettings effective = providers.effective(
                new LlmProviderSettings(change.provider(), model, baseUrl, keepKey && hadKey ? STORED_KEY : newKey));
        String provider = effective.provider();
        boolean offline = LlmProviders.OFFLINE.equals(provider);
        if (!offline) {
            refusal(provider, baseUrl).ifPresent(reason -> {
                throw ApiException.invalidField("baseUrl", reason);
            });
        }
        if (offline) {
            // Nothing to send a key to; a key kept for later would go unchecked to whatever server comes next.
            model = null;
            baseUrl = null;
            newKey = null;
            keepKey = false;
        } else if (keepKey && hadKey && !sameServer(existing, effective)) {
            throw ApiException.invalidField(
                    "apiKey",
                    "enter the API key again when changing the provider or base URL, so that a stored key is never"
                            + " sent to a different server");
        }

        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String apiKeyEnc;
        String keyChange;
        if (keepKey) {
            apiKeyEnc = hadKey ? existing.apiKeyEnc() : null;
            keyChange = "unchanged";
        } else if (newKey == null) {
            apiKeyEnc = null;
            keyChange = hadKey ? "cleared" : "unchanged";
        } else {
            apiKeyEnc = cipher.encrypt(newKey, AiSettingsRepository.keyContext(orgId));
            keyChange = "replaced";
        }
        StoredAiSettings stored = new StoredAiSettings(
                orgId, provider, model, baseUrl, apiKeyEnc, existing == null ? now : existing.createdAt(), now);
        repository.save(stored);

        Map<String, Object> details = new LinkedHashMap<>();
        details.put("provider", provider);
        // Blank fields (instance defaults) are left out: audit details hold no nulls.
        if (model != null) {
            details.put("model", model);
        }
        if (baseUrl != null) {
            details.put("baseUrl", baseUrl);
        }
        details.put("apiKey", keyChange);
        if (existing != null) {
            details.put("previousProvider", existing.provider());
        }
        events.publishEvent(
                new AuditEvent(orgId, userId, "aisettings.updated", "organization", orgId.toString(), details));
        return view(stored);
    }

    private AiSettingsView view(StoredAiSettings stored) {
        boolean keySet = stored.apiKeyEnc() != null;
        LlmProviderSettings effective = providers.effective(new LlmProviderSettings(
                stored.provider(), stored.model(), stored.baseUrl(), keySet ? STORED_KEY : null));
        List<String> defaults = new ArrayList<>();
        if (effective.model() != null && stored.model() == null) {
            defaults.add("model");
        }
        if (effective.baseUrl() != null && stored.baseUrl() == null) {
            defaults.add("baseUrl");
        }
        return new AiSettingsView(
                effective.provider(),
                effective.model(),
                effective.baseUrl(),
                keySet,
                keySource(keySet, effective),
                true,
                defaults,
                stored.updatedAt());
    }

    private AiSettingsView instanceView() {
        LlmProviderSettings effective = providers.effective(LlmProviderSettings.of(null));
        List<String> defaults = new ArrayList<>(List.of("provider"));
        if (effective.model() != null) {
            defaults.add("model");
        }
        if (effective.baseUrl() != null) {
            defaults.add("baseUrl");
        }
        return new AiSettingsView(
                effective.provider(),
                effective.model(),
                effective.baseUrl(),
                false,
                keySource(false, effective),
                false,
                defaults,
                null);
    }

    private static String keySource(boolean keySet, LlmProviderSettings effective) {
        if (keySet) {
            return "organization";
        }
        return effective.apiKey() == null ? "none" : "instance";
    }

    /** Whether the stored settings send their key to the same provider and base URL as the new ones. */
    private boolean sameServer(StoredAiSettings existing, LlmProviderSettings effective) {
        try {
            LlmProviderSettings before = providers.effective(
                    new LlmProviderSettings(existing.provider(), null, existing.baseUrl(), STORED_KEY));
            return before.provider().equals(effective.provider())
                    && Objects.equals(before.baseUrl(), effective.baseUrl());
        } catch (ApiException e) {
            return false;
        }
    }

    /**
     * Why DataMind must not send requests to the organization's own base URL: the data sources' address rules (no
     * link-local or cloud metadata address, private networks as {@code datamind.llm.allow-private-networks} says).
     * A blank base URL, or one equal to the instance's own for that provider, is the operator's configuration and
     * is not judged.
     */
    private Optional<String> refusal(String provider, String baseUrl) {
        return judge(provider, baseUrl).map(OutboundAddresses.Verdict::refusal);
    }

    /** The verdict on the base URL's host; empty when the base URL is not judged (see {@link #refusal}). */
    private Optional<OutboundAddresses.Verdict> judge(String provider, String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank() || LlmProviders.OFFLINE.equals(provider)) {
            return Optional.empty();
        }
        String instanceUrl = providers.defaultSettings(provider).baseUrl();
        if (instanceUrl != null && withoutSlash(instanceUrl).equalsIgnoreCase(withoutSlash(baseUrl))) {
            return Optional.empty();
        }
        String host;
        try {
            host = URI.create(baseUrl.trim()).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of(new OutboundAddresses.Verdict("it is not a URL", List.of()));
        }
        return Optional.of(
                host == null ? new OutboundAddresses.Verdict("it names no host", List.of()) : addresses.judge(host));
    }

    private static String withoutSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    private String decryptKey(StoredAiSettings stored) {
        if (stored.apiKeyEnc() == null) {
            return null;
        }
        // A value that fails to decrypt throws and is not kept, so it is tried (and reported) at every use.
        return decrypted.get(new Sealed(stored.orgId(), stored.apiKeyEnc()), ignored -> decryptNow(stored));
    }

    private String decryptNow(StoredAiSettings stored) {
        try {
            return cipher.decrypt(stored.apiKeyEnc(), AiSettingsRepository.keyContext(stored.orgId()));
        } catch (CredentialCipherException e) {
            log.warn("The AI provider key of organization {} cannot be decrypted: {}", stored.orgId(), e.getMessage());
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "AI settings need attention",
                    "The organization's AI provider key cannot be read; ask an admin to enter it again in the AI"
                            + " settings");
        }
    }

    /** Trimmed, null when blank; refuses control characters (they could split an HTTP header) and overlong text. */
    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > max) {
            throw ApiException.invalidField(field, "must be at most " + max + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw ApiException.invalidField(field, "must not contain control characters");
        }
        return trimmed;
    }

    private static void checkNoUserInfo(String baseUrl) {
        if (baseUrl == null) {
            return;
        }
        try {
            if (URI.create(baseUrl).getRawUserInfo() != null) {
                throw ApiException.invalidField(
                        "baseUrl", "must not contain a user name or password; give the key as apiKey");
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("baseUrl", "must be an http or https URL, e.g. http://localhost:11434");
        }
    }

    /** A stored key as the cache knows it: its organization and its ciphertext, never the plain key. */
    private record Sealed(UUID orgId, String apiKeyEnc) {}
}
