package io.datamind.llm;

import static io.datamind.support.OpenAiWire.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.llm.LlmException.Category;
import io.datamind.llm.LlmFixtures.RecordingPause;
import io.datamind.llm.LlmFixtures.Tokens;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Recorded;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.OpenAiWire;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real Spring AI OpenAI client against a fake Chat Completions API speaking the real wire format. */
class OpenAiProviderTest {

    private FakeLlmServer server;
    private RecordingPause pause;
    private LlmProviders providers;

    @BeforeEach
    void setUp() {
        server = FakeLlmServer.start();
        pause = new RecordingPause();
        // The instance default points at the fake as if it were api.openai.com, with the instance key.
        providers = LlmFixtures.providers(
                LlmFixtures.properties("http://127.0.0.1:9", server.baseUrl(), Duration.ofSeconds(1)), pause);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private LlmProvider openAi() {
        return providers.create(LlmProviderSettings.of("openai"));
    }

    @Test
    void tokensArriveInOrderAndUsageComesFromTheFinalChunk() {
        server.enqueue(Reply.sse(answer(812, 23, "SELECT", " country", " FROM customers")));
        Tokens tokens = new Tokens();

        LlmCompletion completion = openAi().complete(LlmFixtures.request(), tokens, new CancellationToken());

        assertThat(tokens.received).containsExactly("SELECT", " country", " FROM customers");
        assertThat(completion.text()).isEqualTo("SELECT country FROM customers");
        assertThat(completion.inputTokens()).isEqualTo(812);
        assertThat(completion.outputTokens()).isEqualTo(23);
        assertThat(completion.model()).isEqualTo(OpenAiWire.MODEL);
        assertThat(completion.finishReason()).isEqualTo("stop");
    }

    @Test
    void theRequestCarriesTheSystemPromptTheConversationAndAsksForUsage() {
        server.enqueue(Reply.sse(answer(10, 1, "ok")));

        openAi().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/chat/completions");
        assertThat(request.header("authorization")).isEqualTo("Bearer " + LlmFixtures.OPENAI_KEY);
        assertThat(request.headers()).doesNotContainKey(InFlightCalls.HEADER.toLowerCase(java.util.Locale.ROOT));
        JsonNode body = request.json();
        assertThat(body.get("model").asString()).isEqualTo("gpt-4.1-mini");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("stream_options").get("include_usage").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(4);
        assertThat(messages.get(0).get("role").asString()).isEqualTo("system");
        assertThat(messages.get(0).get("content").toString()).contains("You write SQL for PostgreSQL.");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("content").toString()).contains("How many customers are there?");
        assertThat(messages.get(2).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").toString()).contains("SELECT count(*) FROM customers");
        assertThat(messages.get(3).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(3).get("content").toString()).contains("And by country?");
    }

    @Test
    void anOllamaStyleBaseUrlWorksWithoutAKeyAndTheInstanceKeyStaysHome() {
        try (FakeLlmServer ollama = FakeLlmServer.start()) {
            ollama.enqueue(Reply.sse(answer(55, 4, "SELECT", " 42")));
            // Shaped like http://localhost:11434: no path, no key.
            LlmProvider provider =
                    providers.create(new LlmProviderSettings("openai", "llama3.1:8b", ollama.baseUrl(), null));

            LlmCompletion completion =
                    provider.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

            assertThat(completion.text()).isEqualTo("SELECT 42");
            assertThat(completion.inputTokens()).isEqualTo(55);
            Recorded request = ollama.requests().get(0);
            assertThat(request.path()).isEqualTo("/v1/chat/completions");
            assertThat(request.json().get("model").asString()).isEqualTo("llama3.1:8b");
            assertThat(request.headers()).doesNotContainKey("authorization");
            assertThat(request.body()).doesNotContain(LlmFixtures.OPENAI_KEY);
        }
    }

    @Test
    void aBaseUrlWithV1IsTakenAsItIs() {
        server.enqueue(Reply.sse(answer(5, 1, "ok")));
        LlmProvider provider =
                providers.create(new LlmProviderSettings("openai", "qwen2.5", server.baseUrl() + "/v1/", "sk-local"));

        provider.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(server.requests().get(0).path()).isEqualTo("/v1/chat/completions");
        assertThat(server.requests().get(0).header("authorization")).isEqualTo("Bearer sk-local");
    }

    @Test
    void aRateLimitWithAnHttpDateIsRetried() {
        String inTwoSeconds = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(2));
        server.enqueue(
                Reply.json(
                        429,
                        OpenAiWire.errorBody("requests", "rate_limit_exceeded", "Rate limit reached for gpt-4.1-mini"),
                        "Retry-After",
                        inTwoSeconds),
                Reply.sse(answer(10, 2, "SELECT 1")));

        LlmCompletion completion =
                openAi().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.text()).isEqualTo("SELECT 1");
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(pause.waits).hasSize(1);
        assertThat(pause.waits.get(0)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
    }

    @Test
    void threeServerErrorsGiveUpAfterExactlyThreeAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Reply.json(502, OpenAiWire.errorBody("server_error", null, "Bad gateway")));
        }

        LlmException failure = failure(openAi(), new Tokens());

        assertThat(failure.category()).isEqualTo(Category.UNAVAILABLE);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void aRejectedKeyIsNotRetriedAndNotQuoted() {
        server.enqueue(Reply.json(
                401,
                OpenAiWire.errorBody(
                        "invalid_request_error",
                        "invalid_api_key",
                        "Incorrect API key provided: sk-opena***-key. You can find your API key at"
                                + " https://platform.openai.com/account/api-keys.")));

        LlmException failure = failure(openAi(), new Tokens());

        assertThat(failure.category()).isEqualTo(Category.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("The AI provider rejected the API key; ask an admin to check the AI settings.");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void anUnknownModelIsABadRequestNamingTheSetting() {
        server.enqueue(Reply.json(
                404,
                OpenAiWire.errorBody(
                        "invalid_request_error",
                        "model_not_found",
                        "The model `gpt-9` does not exist or you do not have access to it.")));

        LlmException failure = failure(openAi(), new Tokens());

        assertThat(failure.category()).isEqualTo(Category.BAD_REQUEST);
        assertThat(failure.getMessage())
                .contains("check the model and base URL")
                .contains("gpt-9");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamWithoutFinishReasonOrUsageIsAnError() {
        server.enqueue(Reply.sse(OpenAiWire.opening("SELECT", " *")));
        Tokens tokens = new Tokens();

        LlmException failure = failure(openAi(), tokens);

        assertThat(failure.category()).isEqualTo(Category.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo(ProviderErrors.TRUNCATED);
        assertThat(tokens.received).containsExactly("SELECT", " *");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStalledStreamTimesOut() throws Exception {
        server.enqueue(Reply.sse(OpenAiWire.opening("SELECT")).thenStall(": keep-alive\n\n", Duration.ofMillis(100)));

        LlmException failure = failure(openAi(), new Tokens());

        assertThat(failure.category()).isEqualTo(Category.TIMEOUT);
        assertThat(server.awaitClientGone(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void aServerThatReportsNoUsageIsChargedAnEstimate() {
        List<String> events = new ArrayList<>(OpenAiWire.opening("SELECT", " name", " FROM artists"));
        events.add(OpenAiWire.finish("stop"));
        events.add(OpenAiWire.done());
        server.enqueue(Reply.sse(events));

        LlmCompletion completion =
                openAi().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.text()).isEqualTo("SELECT name FROM artists");
        assertThat(completion.inputTokens()).isPositive();
        assertThat(completion.outputTokens()).isEqualTo(("SELECT name FROM artists".length() + 3) / 4);
    }

    @Test
    void aMaxTokensFinishIsReportedAsLength() {
        List<String> events = new ArrayList<>(OpenAiWire.opening("SELECT"));
        events.add(OpenAiWire.finish("length"));
        events.add(OpenAiWire.usage(10, 1));
        events.add(OpenAiWire.done());
        server.enqueue(Reply.sse(events));

        LlmCompletion completion =
                openAi().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.finishReason()).isEqualTo("length");
    }

    @Test
    void aFailingListenerStopsTheStreamAndItsExceptionReachesTheCaller() throws Exception {
        List<String> events = new ArrayList<>(OpenAiWire.opening());
        for (int i = 0; i < 100; i++) {
            events.add(OpenAiWire.content(" t" + i));
        }
        server.enqueue(Reply.sse(events).paced(Duration.ofMillis(50)), Reply.sse(answer(1, 1, "never sent")));
        IllegalStateException closed = new IllegalStateException("the WebSocket is closed");

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> openAi().complete(
                        LlmFixtures.request(),
                        token -> {
                            throw closed;
                        },
                        new CancellationToken()));

        assertThat(failure).isSameAs(closed);
        assertThat(server.awaitClientGone(Duration.ofSeconds(10))).isTrue();
        assertThat(server.requestCount()).isEqualTo(1);
    }

    private static LlmException failure(LlmProvider provider, TokenListener listener) {
        return catchThrowableOfType(
                LlmException.class, () -> provider.complete(LlmFixtures.request(), listener, new CancellationToken()));
    }
}
