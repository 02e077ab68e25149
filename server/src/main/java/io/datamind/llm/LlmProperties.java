package io.datamind.llm;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Instance defaults for the language models; organizations may override provider, model, base URL and key.
 *
 * @param provider the provider used when an organization chose none: {@code offline}, {@code anthropic} or {@code
 *     openai}
 * @param connectTimeout longest wait to open a connection to the provider
 * @param firstTokenTimeout longest wait for the first token once the request is sent (models may load or think first)
 * @param streamIdleTimeout longest gap between two streamed tokens before the answer is abandoned as stalled
 * @param requestTimeout longest time one answer may take in total
 * @param maxAttempts attempts at most per request, counting the first; only rate limits, server errors, timeouts and
 *     lost connections are retried, and only before the first token reached the caller
 * @param initialBackoff wait before the second attempt when the provider gives no Retry-After; doubles per attempt,
 *     with jitter
 * @param maxRetryDelay longest wait between attempts; a Retry-After asking for longer fails the request at once
 * @param anthropic defaults for Anthropic
 * @param openai defaults for OpenAI and OpenAI-compatible servers
 * @param circuitBreaker when to stop calling a failing provider for a while
 * @param questionDeadline longest time one question may take from start to end, over all its model calls, retries,
 *     repairs and queries; past it the answer ends as failed and the model stream and the query are stopped
 * @param allowPrivateNetworks whether an organization's own base URL may point at loopback and private networks (a
 *     local Ollama or LM Studio); link-local and cloud metadata addresses are refused either way. Follows {@code
 *     datamind.sources.allow-private-networks} unless set (see application.yml). The instance's own base URLs are
 *     configuration, not user input, and are not judged.
 * @param maxConcurrentStreams model answers that may stream at once (see {@link StreamingThreads})
 */
@ConfigurationProperties("datamind.llm")
record LlmProperties(
        @DefaultValue("offline") String provider,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("60s") Duration firstTokenTimeout,
        @DefaultValue("30s") Duration streamIdleTimeout,
        @DefaultValue("10m") Duration requestTimeout,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("1s") Duration initialBackoff,
        @DefaultValue("30s") Duration maxRetryDelay,
        @DefaultValue Endpoint anthropic,
        @DefaultValue Endpoint openai,
        @DefaultValue Breaker circuitBreaker,
        @DefaultValue("120s") Duration questionDeadline,
        @DefaultValue("true") boolean allowPrivateNetworks,
        @DefaultValue("1024") int maxConcurrentStreams) {

    static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";
    static final String ANTHROPIC_URL = "https://api.anthropic.com";
    static final String OPENAI_MODEL = "gpt-4.1-mini";
    static final String OPENAI_URL = "https://api.openai.com";
    static final Duration DEFAULT_QUESTION_DEADLINE = Duration.ofSeconds(120);

    LlmProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("datamind.llm.max-attempts must be at least 1");
        }
        anthropic = anthropic == null ? new Endpoint(null, null, null) : anthropic;
        openai = openai == null ? new Endpoint(null, null, null) : openai;
        anthropic = anthropic.withDefaults(ANTHROPIC_MODEL, ANTHROPIC_URL);
        openai = openai.withDefaults(OPENAI_MODEL, OPENAI_URL);
        circuitBreaker = circuitBreaker == null ? Breaker.defaults() : circuitBreaker;
        questionDeadline = questionDeadline == null ? DEFAULT_QUESTION_DEADLINE : questionDeadline;
        if (questionDeadline.isNegative() || questionDeadline.isZero()) {
            throw new IllegalArgumentException("datamind.llm.question-deadline must be positive");
        }
    }

    static LlmProperties defaults() {
        return new LlmProperties(
                "offline",
                Duration.ofSeconds(10),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10),
                3,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                null,
                null,
                null,
                DEFAULT_QUESTION_DEADLINE,
                true,
                1024);
    }

    /**
     * @param model the model used when an organization names none
     * @param baseUrl the provider's address
     * @param apiKey the instance's key; sent only to this base URL, never to one an organization chose
     */
    record Endpoint(String model, String baseUrl, String apiKey) {

        Endpoint withDefaults(String defaultModel, String defaultUrl) {
            return new Endpoint(
                    blank(model) ? defaultModel : model.trim(),
                    blank(baseUrl) ? defaultUrl : baseUrl.trim(),
                    blank(apiKey) ? null : apiKey.trim());
        }

        @Override
        public String toString() {
            return "Endpoint[model=" + model + ", baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
                    + "]";
        }
    }

    /**
     * One breaker per provider and base URL counts the outcomes of the latest attempts. Only the provider's own
     * failures count (server errors, timeouts, lost connections); a rejected key or a rate limit concerns one
     * organization and does not.
     *
     * @param failureRateThreshold percentage of failed attempts that opens the breaker
     * @param slidingWindowSize how many of the latest attempts are counted
     * @param minimumNumberOfCalls attempts needed before the failure rate is judged
     * @param openDuration how long an open breaker refuses requests before it lets one through to test the provider
     */
    record Breaker(
            @DefaultValue("50") float failureRateThreshold,
            @DefaultValue("10") int slidingWindowSize,
            @DefaultValue("5") int minimumNumberOfCalls,
            @DefaultValue("30s") Duration openDuration) {

        static Breaker defaults() {
            return new Breaker(50, 10, 5, Duration.ofSeconds(30));
        }
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
