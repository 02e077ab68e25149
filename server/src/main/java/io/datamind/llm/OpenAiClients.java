package io.datamind.llm;

import com.openai.azure.AzureUrlPathMode;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClientAsyncImpl;
import com.openai.client.OpenAIClientImpl;
import com.openai.core.ClientOptions;
import java.net.URI;
import java.util.Locale;
import okhttp3.Dns;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.http.okhttp.SpringAiOpenAiHttpClient;
import org.springframework.ai.openai.setup.OpenAiSetup;
import org.springframework.ai.openai.setup.OpenAiSetup.ModelProvider;

/**
 * Builds Spring AI's OpenAI model on the official OpenAI SDK for OpenAI itself, Azure OpenAI and every server that
 * speaks the Chat Completions API (Ollama, vLLM, LM Studio). Configured here rather than by Spring AI's setup so that
 * nothing is read from the environment, the SDK never retries on its own and the timeouts are ours.
 */
final class OpenAiClients {

    private OpenAiClients() {}

    static ChatModelClient create(ResolvedSettings settings, HttpTimeouts timeouts, Dns dns) {
        String baseUrl = sdkBaseUrl(settings.baseUrl());
        boolean azure = isAzure(baseUrl);
        InFlightCalls calls = new InFlightCalls(ProviderConnections.client(timeouts, dns));
        SpringAiOpenAiHttpClient.Builder http =
                SpringAiOpenAiHttpClient.builder().timeout(timeouts.openAi());
        ClientOptions.Builder options = ClientOptions.builder()
                .baseUrl(baseUrl)
                .timeout(timeouts.openAi())
                .maxRetries(0)
                .putHeader("User-Agent", HttpTimeouts.USER_AGENT);
        if (azure) {
            options.credential(AzureApiKeyCredential.create(settings.apiKey()));
            options.azureUrlPathMode(
                    baseUrl.endsWith("/openai/v1") ? AzureUrlPathMode.UNIFIED : AzureUrlPathMode.LEGACY);
        } else if (settings.apiKey() != null) {
            options.apiKey(settings.apiKey());
        } else {
            // Local servers need no key, but the SDK insists on one: send none at all rather than a made-up one.
            options.apiKey("none");
            http.interceptor(chain -> chain.proceed(
                    chain.request().newBuilder().removeHeader("Authorization").build()));
        }
        // Last: it sends the request itself, so interceptors added after it would never run.
        http.interceptor(calls.interceptor());
        ClientOptions clientOptions = options.httpClient(http.build()).build();

        // OpenAI's newest models refuse max_tokens; most compatible servers know only max_tokens.
        boolean completionTokens = azure || isOpenAi(baseUrl);
        OpenAiChatModel model = OpenAiChatModel.builder()
                .openAiClient(new OpenAIClientImpl(clientOptions))
                .openAiClientAsync(new OpenAIClientAsyncImpl(clientOptions))
                .options(OpenAiChatOptions.builder()
                        .model(settings.model())
                        .maxRetries(0)
                        .timeout(timeouts.request())
                        .build())
                .build();
        return new ChatModelClient(
                model,
                (request, headers) -> {
                    OpenAiChatOptions.Builder builder = OpenAiChatOptions.builder()
                            .model(settings.model())
                            .temperature(request.temperature())
                            .maxRetries(0)
                            .timeout(timeouts.request())
                            .customHeaders(headers);
                    if (completionTokens) {
                        builder.maxCompletionTokens(request.maxTokens());
                    } else {
                        builder.maxTokens(request.maxTokens());
                    }
                    // Without stream options Spring AI asks for usage in the final chunk (include_usage).
                    return builder.build();
                },
                settings.model(),
                calls);
    }

    /** Whether an OpenAI-type provider at this base URL can be called without an API key. */
    static boolean needsKey(String baseUrl) {
        String url = sdkBaseUrl(baseUrl);
        return isOpenAi(url) || isAzure(url);
    }

    /**
     * The base URL as the SDK takes it: DataMind, like Spring AI 1.x, accepts a bare server address ({@code
     * http://localhost:11434}) and adds the {@code /v1} every compatible server serves the API under. An address with
     * a path is taken as it is, as are Azure endpoints, whose paths the SDK builds itself.
     */
    static String sdkBaseUrl(String baseUrl) {
        String trimmed = baseUrl.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (isAzure(trimmed)) {
            return trimmed;
        }
        String path = URI.create(trimmed).getPath();
        return path == null || path.isEmpty() ? trimmed + "/v1" : trimmed;
    }

    private static boolean isAzure(String baseUrl) {
        return OpenAiSetup.detectModelProvider(false, false, baseUrl, null, null) == ModelProvider.MICROSOFT_FOUNDRY
                || host(baseUrl).endsWith(".openai.azure.com")
                || host(baseUrl).endsWith(".cognitiveservices.azure.com");
    }

    private static boolean isOpenAi(String baseUrl) {
        return host(baseUrl).equals("api.openai.com");
    }

    private static String host(String baseUrl) {
        String host = URI.create(baseUrl.trim()).getHost();
        return host == null ? "" : host.toLowerCase(Locale.ROOT);
    }
}
