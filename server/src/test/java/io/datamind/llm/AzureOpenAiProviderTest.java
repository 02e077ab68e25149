package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.llm.LlmFixtures.RecordingPause;
import io.datamind.llm.LlmFixtures.Tokens;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Recorded;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.OpenAiWire;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import okhttp3.Dns;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;

/**
 * The real OpenAI client against Azure OpenAI: a fake server speaking the Chat Completions wire format stands in for
 * {@code acme.openai.azure.com}. The client is not told about it: a proxy selector routes that host to the fake (as
 * a corporate proxy would), so the URL, the path and the headers are exactly those the SDK builds for Azure.
 */
class AzureOpenAiProviderTest {

    private static final String ENDPOINT = "http://acme.openai.azure.com";
    private static final String DEPLOYMENT = "gpt-4o-prod";
    private static final String AZURE_KEY = "azure-test-key-0123456789";

    private FakeLlmServer server;
    private ProxySelector previous;
    private LlmProperties properties;
    private LlmProviders providers;

    @BeforeEach
    void setUp() {
        server = FakeLlmServer.start();
        previous = ProxySelector.getDefault();
        ProxySelector.setDefault(new AzureToFake(server, previous));
        properties = LlmFixtures.properties("http://127.0.0.1:9", "http://127.0.0.1:9", Duration.ofSeconds(5));
        providers = LlmFixtures.providers(properties, new RecordingPause());
    }

    @AfterEach
    void tearDown() {
        ProxySelector.setDefault(previous);
        server.close();
    }

    @Test
    void streamsFromTheDeploymentPathWithTheApiKeyHeaderAndReportsUsage() {
        server.enqueue(Reply.sse(OpenAiWire.answer(431, 12, "SELECT", " 1")));
        Tokens tokens = new Tokens();

        LlmCompletion completion = providers
                .create(new LlmProviderSettings("openai", DEPLOYMENT, ENDPOINT + "/", AZURE_KEY))
                .complete(LlmFixtures.request(), tokens, new CancellationToken());

        assertThat(tokens.received).containsExactly("SELECT", " 1");
        assertThat(completion.text()).isEqualTo("SELECT 1");
        assertThat(completion.inputTokens()).isEqualTo(431);
        assertThat(completion.outputTokens()).isEqualTo(12);
        Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions");
        assertThat(request.query()).matches("api-version=\\d{4}-\\d{2}-\\d{2}(-preview)?");
        assertAzureKey(request);
        assertThat(request.json().get("stream").asBoolean()).isTrue();
        assertThat(request.json().get("stream_options").get("include_usage").asBoolean())
                .isTrue();
        assertThat(request.json().has("max_completion_tokens"))
                .as("Azure serves OpenAI's newest models, which refuse max_tokens")
                .isTrue();
    }

    @Test
    void answersWholeWithoutStreamingOnTheSameClient() {
        server.enqueue(Reply.json(200, OpenAiWire.completion(57, 9, "There are 59 customers.")));
        ChatModelClient client = OpenAiClients.create(
                new ResolvedSettings("openai", DEPLOYMENT, ENDPOINT, AZURE_KEY),
                HttpTimeouts.of(properties),
                Dns.SYSTEM);

        ChatResponse response = ((ChatModel) client.model()).call(new Prompt("How many customers are there?"));

        assertThat(response.getResult().getOutput().getText()).isEqualTo("There are 59 customers.");
        assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(57);
        assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(9);
        Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/openai/deployments/" + DEPLOYMENT + "/chat/completions");
        assertThat(request.query()).startsWith("api-version=");
        assertAzureKey(request);
        assertThat(request.json().path("stream").asBoolean(false)).isFalse();
    }

    @Test
    void theV1EndpointUsesTheUnifiedPathWithTheModelInTheBody() {
        server.enqueue(Reply.sse(OpenAiWire.answer(20, 2, "ok")));

        LlmCompletion completion = providers
                .create(new LlmProviderSettings("openai", DEPLOYMENT, ENDPOINT + "/openai/v1", AZURE_KEY))
                .complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.inputTokens()).isEqualTo(20);
        Recorded request = server.requests().get(0);
        assertThat(request.path()).isEqualTo("/openai/v1/chat/completions");
        assertAzureKey(request);
        assertThat(request.json().get("model").asString()).isEqualTo(DEPLOYMENT);
    }

    private static void assertAzureKey(Recorded request) {
        assertThat(request.header("api-key")).isEqualTo(AZURE_KEY);
        assertThat(request.header("authorization"))
                .as("Azure keys are no bearer tokens")
                .isNull();
        assertThat(request.header("host")).isEqualTo("acme.openai.azure.com");
    }

    /** Sends requests for Azure hosts to the fake server as their HTTP proxy; everything else as before. */
    private static final class AzureToFake extends ProxySelector {

        private final FakeLlmServer server;
        private final ProxySelector fallback;

        AzureToFake(FakeLlmServer server, ProxySelector fallback) {
            this.server = server;
            this.fallback = fallback;
        }

        @Override
        public List<Proxy> select(URI uri) {
            if (uri.getHost() != null && uri.getHost().toLowerCase(Locale.ROOT).endsWith(".openai.azure.com")) {
                int port = URI.create(server.baseUrl()).getPort();
                return List.of(new Proxy(Proxy.Type.HTTP, new InetSocketAddress("127.0.0.1", port)));
            }
            return fallback == null ? List.of(Proxy.NO_PROXY) : fallback.select(uri);
        }

        @Override
        public void connectFailed(URI uri, SocketAddress address, IOException failure) {
            if (fallback != null) {
                fallback.connectFailed(uri, address, failure);
            }
        }
    }
}
