package io.datamind.llm;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datamind.common.ApiException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.Dns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Hands out the provider for a set of settings: the instance defaults or an organization's own. Clients are built once
 * per distinct settings and kept, so their connection pools are reused; nothing is built, and no key is needed, until
 * someone asks.
 *
 * <p>Providers that need no settings are Spring beans implementing {@link LlmProvider}; they are found by their
 * {@link LlmProvider#id()}. The offline engine is not one of them: it turns a question into SQL without a
 * conversation, so the ask pipeline calls it directly (see {@link #isOffline}).
 */
@Component
public class LlmProviders {

    public static final String OFFLINE = "offline";
    public static final String ANTHROPIC = "anthropic";
    public static final String OPENAI = "openai";

    private final LlmProperties properties;
    private final Supplier<List<LlmProvider>> builtIn;
    private final RetryPolicy.Pause pause;
    private final ProviderErrors errors;
    private final ProviderBreakers breakers;
    private final HttpTimeouts timeouts;
    private final Cache<String, Built> providers = Caffeine.newBuilder()
            .maximumSize(500)
            .expireAfterAccess(Duration.ofHours(6))
            .build();

    @Autowired
    LlmProviders(LlmProperties properties, ObjectProvider<LlmProvider> builtIn) {
        this(properties, () -> builtIn.orderedStream().toList(), RetryPolicy.Pause.SLEEP);
    }

    LlmProviders(LlmProperties properties, Supplier<List<LlmProvider>> builtIn, RetryPolicy.Pause pause) {
        this.properties = properties;
        this.builtIn = builtIn;
        this.pause = pause;
        this.errors = new ProviderErrors(Clock.systemUTC());
        this.breakers = new ProviderBreakers(properties.circuitBreaker());
        this.timeouts = HttpTimeouts.of(properties);
    }

    /**
     * The provider the instance uses for organizations without AI settings of their own.
     *
     * @throws IllegalArgumentException when that is the offline engine (see {@link #isOffline})
     */
    public LlmProvider defaultProvider() {
        return create(LlmProviderSettings.of(properties.provider()));
    }

    /**
     * Whether these settings choose the built-in offline engine (directly, or by taking an instance default that is
     * offline). The offline engine is no chat model: callers use {@code io.datamind.offline.OfflineEngine} for it,
     * and {@link #create} refuses it.
     */
    public boolean isOffline(LlmProviderSettings settings) {
        return OFFLINE.equals(providerId(settings));
    }

    /**
     * Whether an organization's own base URL may point at loopback and private networks ({@code
     * datamind.llm.allow-private-networks}); link-local and cloud metadata addresses never may.
     */
    public boolean allowsPrivateNetworks() {
        return properties.allowPrivateNetworks();
    }

    /**
     * How long one question may take in all ({@code datamind.llm.question-deadline}): model calls, retries, repairs
     * and queries together.
     */
    public Duration questionDeadline() {
        return properties.questionDeadline();
    }

    /** The instance's default settings for its configured provider, key included; never show them to users. */
    public LlmProviderSettings defaultSettings() {
        return defaultSettings(properties.provider());
    }

    /** The instance's default model, base URL and key for one provider; never show the key to users. */
    public LlmProviderSettings defaultSettings(String provider) {
        String id = normalizeId(provider);
        return switch (id) {
            case ANTHROPIC -> endpointSettings(id, properties.anthropic());
            case OPENAI -> endpointSettings(id, properties.openai());
            default -> new LlmProviderSettings(id, null, null, null);
        };
    }

    /**
     * The provider for these settings; blank fields take the instance defaults of the provider named (the provider
     * itself defaults to {@code datamind.llm.provider}). The instance's API key is used only with the instance's base
     * URL: an organization that points DataMind at another server must bring its own key, or the instance key would
     * be sent to a server of its choosing.
     *
     * @throws ApiException when the provider is unknown or the base URL is not an http(s) URL
     */
    public LlmProvider create(LlmProviderSettings settings) {
        String id = providerId(settings);
        return switch (id) {
            case ANTHROPIC, OPENAI -> cached(resolve(id, settings), settings.checkedAddresses());
            case OFFLINE ->
                throw new IllegalArgumentException(
                        "The offline engine is not a chat model; check isOffline() and use the OfflineEngine");
            default -> builtIn(id);
        };
    }

    /**
     * What {@link #create} would use for these settings, checked the same way but without building a client: the
     * provider id normalized, blank model and base URL filled from the instance defaults, and the key that would be
     * sent (the one given, the instance's for the instance's own base URL, or null). For settings screens and their
     * validation; never show the key.
     *
     * @throws ApiException when the provider is unknown or the base URL is not an http(s) URL
     */
    public LlmProviderSettings effective(LlmProviderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        String id = providerId(settings);
        if (ANTHROPIC.equals(id) || OPENAI.equals(id)) {
            ResolvedSettings resolved = resolve(id, settings);
            return new LlmProviderSettings(id, resolved.model(), resolved.baseUrl(), resolved.apiKey());
        }
        if (!OFFLINE.equals(id)) {
            builtIn(id);
        }
        return LlmProviderSettings.of(id);
    }

    private String providerId(LlmProviderSettings settings) {
        Objects.requireNonNull(settings, "settings");
        return normalizeId(LlmProperties.blank(settings.provider()) ? properties.provider() : settings.provider());
    }

    private LlmProvider builtIn(String id) {
        return builtIn.get().stream()
                .filter(provider -> id.equals(provider.id()))
                .findFirst()
                .orElseThrow(() -> unknown(id));
    }

    private ResolvedSettings resolve(String id, LlmProviderSettings settings) {
        LlmProperties.Endpoint defaults = ANTHROPIC.equals(id) ? properties.anthropic() : properties.openai();
        String baseUrl = LlmProperties.blank(settings.baseUrl())
                ? defaults.baseUrl()
                : settings.baseUrl().trim();
        checkUrl(baseUrl);
        String model = LlmProperties.blank(settings.model())
                ? defaults.model()
                : settings.model().trim();
        String apiKey;
        if (!LlmProperties.blank(settings.apiKey())) {
            apiKey = settings.apiKey().trim();
        } else if (sameEndpoint(id, baseUrl, defaults.baseUrl())) {
            apiKey = defaults.apiKey();
        } else {
            apiKey = null;
        }
        return new ResolvedSettings(id, model, stripSlash(baseUrl), apiKey);
    }

    /**
     * A provider with checked addresses connects to those only (see {@link PinnedDns}); it never shares a client with
     * one that resolves names itself.
     */
    private LlmProvider cached(ResolvedSettings settings, List<InetAddress> checkedAddresses) {
        boolean pinned = checkedAddresses != null;
        Built built = providers.get(fingerprint(settings, pinned), key -> build(settings, checkedAddresses));
        if (pinned && built.dns() != null) {
            built.dns().pin(checkedAddresses);
        }
        return built.provider();
    }

    private Built build(ResolvedSettings settings, List<InetAddress> checkedAddresses) {
        boolean anthropic = ANTHROPIC.equals(settings.provider());
        if (settings.apiKey() == null && (anthropic || OpenAiClients.needsKey(settings.baseUrl()))) {
            return new Built(
                    RefusingProvider.missingKey(settings.provider(), anthropic ? "Anthropic" : "OpenAI"), null);
        }
        PinnedDns pinned = checkedAddresses == null
                ? null
                : new PinnedDns(URI.create(settings.baseUrl()).getHost(), checkedAddresses);
        Dns dns = pinned == null ? Dns.SYSTEM : pinned;
        ChatModelClient client = anthropic
                ? AnthropicClients.create(settings, timeouts, dns)
                : OpenAiClients.create(settings, timeouts, dns);
        StreamingAttempt attempt =
                new StreamingAttempt(client, properties.firstTokenTimeout(), properties.streamIdleTimeout(), errors);
        return new Built(
                new ResilientProvider(
                        settings.provider(),
                        settings.baseUrl(),
                        attempt,
                        breakers.forEndpoint(settings.provider(), settings.baseUrl()),
                        breakers.settings().openDuration(),
                        RetryPolicy.of(properties, pause)),
                pinned);
    }

    /** A provider as cached, with the resolver its connections use when they are pinned to checked addresses. */
    private record Built(LlmProvider provider, PinnedDns dns) {}

    private LlmProviderSettings endpointSettings(String id, LlmProperties.Endpoint endpoint) {
        return new LlmProviderSettings(id, endpoint.model(), endpoint.baseUrl(), endpoint.apiKey());
    }

    private static String normalizeId(String provider) {
        return provider == null ? OFFLINE : provider.trim().toLowerCase(Locale.ROOT);
    }

    private static ApiException unknown(String id) {
        return ApiException.invalidField(
                "provider", "unknown AI provider '" + id + "'; use offline, anthropic or openai");
    }

    private static void checkUrl(String baseUrl) {
        try {
            URI uri = URI.create(baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField("baseUrl", "must be an http or https URL, e.g. http://localhost:11434");
        }
    }

    private static boolean sameEndpoint(String id, String a, String b) {
        return OPENAI.equals(id)
                ? OpenAiClients.sdkBaseUrl(a).equalsIgnoreCase(OpenAiClients.sdkBaseUrl(b))
                : stripSlash(a).equalsIgnoreCase(stripSlash(b));
    }

    private static String stripSlash(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** The cache key: the settings, hashed so that no key sits in a map key or a heap dump's strings twice. */
    private static String fingerprint(ResolvedSettings settings, boolean pinned) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((byte) (pinned ? 1 : 0));
            for (String part :
                    new String[] {settings.provider(), settings.model(), settings.baseUrl(), settings.apiKey()}) {
                digest.update((part == null ? "\u0000null" : part).getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
