package io.datamind.llm;

import com.anthropic.backends.AnthropicBackend;
import com.anthropic.client.AnthropicClientAsyncImpl;
import com.anthropic.client.AnthropicClientImpl;
import com.anthropic.core.ClientOptions;
import okhttp3.Dns;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.http.okhttp.SpringAiAnthropicHttpClient;

/**
 * Builds Spring AI's Anthropic model on the official Anthropic SDK, configured here rather than by Spring AI's setup
 * so that nothing is read from the environment, the SDK never retries on its own (DataMind's retries know whether
 * tokens already reached the user), and the connect and read timeouts are ours. Requests leave on DataMind's own
 * connections (see {@link InFlightCalls}).
 */
final class AnthropicClients {

    private AnthropicClients() {}

    static ChatModelClient create(ResolvedSettings settings, HttpTimeouts timeouts, Dns dns) {
        AnthropicBackend backend = AnthropicBackend.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .build();
        InFlightCalls calls = new InFlightCalls(ProviderConnections.client(timeouts, dns));
        SpringAiAnthropicHttpClient http = SpringAiAnthropicHttpClient.builder()
                .backend(backend)
                .timeout(timeouts.anthropic())
                .interceptor(calls.interceptor())
                .build();
        ClientOptions.Builder options = ClientOptions.builder()
                .httpClient(http)
                .timeout(timeouts.anthropic())
                .maxRetries(0)
                .putHeader("User-Agent", HttpTimeouts.USER_AGENT);
        backend.applyCredentials(http, options);
        ClientOptions clientOptions = options.build();

        AnthropicChatModel model = AnthropicChatModel.builder()
                .anthropicClient(new AnthropicClientImpl(clientOptions))
                .anthropicClientAsync(new AnthropicClientAsyncImpl(clientOptions))
                .options(AnthropicChatOptions.builder()
                        .model(settings.model())
                        .maxRetries(0)
                        .build())
                .build();
        return new ChatModelClient(
                model,
                (request, headers) -> AnthropicChatOptions.builder()
                        .model(settings.model())
                        .maxTokens(request.maxTokens())
                        .temperature(request.temperature())
                        .maxRetries(0)
                        .timeout(timeouts.request())
                        .httpHeaders(headers)
                        .build(),
                settings.model(),
                calls);
    }
}
