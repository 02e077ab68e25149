package io.datamind.llm;

import static io.datamind.support.AnthropicWire.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.datamind.llm.LlmFixtures.RecordingPause;
import io.datamind.llm.LlmFixtures.Tokens;
import io.datamind.support.AnthropicWire;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Recorded;
import io.datamind.support.FakeLlmServer.Reply;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The real Spring AI Anthropic client against a fake Messages API speaking the real wire format. */
class AnthropicProviderTest {

    private FakeLlmServer server;
    private RecordingPause pause;
    private LlmProviders providers;

    @BeforeEach
    void setUp() {
        server = FakeLlmServer.start();
        pause = new RecordingPause();
        providers = LlmFixtures.providers(
                LlmFixtures.properties(server.baseUrl(), "http://127.0.0.1:9", Duration.ofSeconds(1)), pause);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private LlmProvider anthropic() {
        return providers.create(LlmProviderSettings.of("anthropic"));
    }

    @Test
    void tokensArriveInOrderAndUsageIsThePrompts() {
        server.enqueue(Reply.sse(answer(1234, 57, "SELECT", " country,", " count(*)", " FROM customers")));
        Tokens tokens = new Tokens();

        LlmCompletion completion = anthropic().complete(LlmFixtures.request(), tokens, new CancellationToken());

        assertThat(tokens.received).containsExactly("SELECT", " country,", " count(*)", " FROM customers");
        assertThat(completion.text()).isEqualTo("SELECT country, count(*) FROM customers");
        assertThat(completion.inputTokens()).isEqualTo(1234);
        assertThat(completion.outputTokens()).isEqualTo(57);
        assertThat(completion.model()).isEqualTo(AnthropicWire.MODEL);
        assertThat(completion.finishReason()).isEqualTo("stop");
    }

    @Test
    void theRequestCarriesTheSystemPromptTheConversationAndTheKey() {
        server.enqueue(Reply.sse(answer(10, 2, "ok")));

        anthropic().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        Recorded request = server.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/v1/messages");
        assertThat(request.header("x-api-key")).isEqualTo(LlmFixtures.ANTHROPIC_KEY);
        assertThat(request.header("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(request.headers()).doesNotContainKey(InFlightCalls.HEADER.toLowerCase(java.util.Locale.ROOT));
        JsonNode body = request.json();
        assertThat(body.get("model").asString()).isEqualTo("claude-sonnet-4-5");
        assertThat(body.get("stream").asBoolean()).isTrue();
        assertThat(body.get("max_tokens").asInt()).isEqualTo(1024);
        assertThat(body.get("temperature").asDouble()).isEqualTo(0.0);
        assertThat(body.get("system").toString()).contains("You write SQL for PostgreSQL.");
        JsonNode messages = body.get("messages");
        assertThat(messages).hasSize(3);
        assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(0).get("content").toString()).contains("How many customers are there?");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(1).get("content").toString()).contains("SELECT count(*) FROM customers");
        assertThat(messages.get(2).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(2).get("content").toString()).contains("And by country?");
    }

    @Test
    void aRateLimitIsRetriedAfterTheDelayTheProviderAskedFor() {
        server.enqueue(
                Reply.json(
                        429,
                        AnthropicWire.errorBody(
                                "rate_limit_error", "Number of request tokens has exceeded your limit."),
                        "retry-after",
                        "1"),
                Reply.sse(answer(30, 3, "SELECT 1")));
        Tokens tokens = new Tokens();

        LlmCompletion completion = anthropic().complete(LlmFixtures.request(), tokens, new CancellationToken());

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(pause.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(tokens.received).containsExactly("SELECT 1");
        assertThat(completion.text()).isEqualTo("SELECT 1");
    }

    @Test
    void aServerErrorIsRetried() {
        server.enqueue(
                Reply.json(500, AnthropicWire.errorBody("api_error", "Internal server error")),
                Reply.sse(answer(30, 3, "SELECT 1")));

        LlmCompletion completion =
                anthropic().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(pause.waits).hasSize(1);
        assertThat(completion.text()).isEqualTo("SELECT 1");
    }

    @Test
    void threeUnavailableAnswersGiveUpAfterExactlyThreeAttempts() {
        for (int i = 0; i < 4; i++) {
            server.enqueue(Reply.json(503, AnthropicWire.errorBody("overloaded_error", "Overloaded")));
        }

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo(ProviderErrors.UNAVAILABLE);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(pause.waits).hasSize(2);
    }

    @Test
    void aRejectedKeyIsNotRetried() {
        server.enqueue(
                Reply.json(401, AnthropicWire.errorBody("authentication_error", "invalid x-api-key")),
                Reply.sse(answer(30, 3, "never sent")));

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.AUTH);
        assertThat(failure.getMessage())
                .isEqualTo("The AI provider rejected the API key; ask an admin to check the AI settings.");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(pause.waits).isEmpty();
    }

    @Test
    void aRefusedRequestKeepsTheProvidersReasonAndIsNotRetried() {
        server.enqueue(Reply.json(
                400,
                AnthropicWire.errorBody(
                        "invalid_request_error", "prompt is too long: 250000 tokens > 200000 maximum")));

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.BAD_REQUEST);
        assertThat(failure.getMessage()).contains("prompt is too long: 250000 tokens > 200000 maximum");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterLongerThanTheLongestWaitFailsAtOnce() {
        server.enqueue(
                Reply.json(429, AnthropicWire.errorBody("rate_limit_error", "Rate limited"), "retry-after", "120"));

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.RATE_LIMITED);
        assertThat(failure.getMessage()).isEqualTo("The AI provider is rate-limiting requests; try again in a minute.");
        assertThat(failure.retryAfter()).contains(Duration.ofSeconds(120));
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(pause.waits).isEmpty();
    }

    @Test
    void aStreamThatEndsWithoutItsFinalEventIsAnErrorNotAShortAnswer() {
        server.enqueue(Reply.sse(AnthropicWire.opening(40, "SELECT", " name")), Reply.sse(answer(1, 1, "unused")));
        Tokens tokens = new Tokens();

        LlmException failure = failure(anthropic(), tokens);

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo(ProviderErrors.TRUNCATED);
        assertThat(tokens.received).containsExactly("SELECT", " name");
        // The user already saw part of the answer: a retry would show it twice.
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aConnectionDroppedMidStreamIsAnError() {
        server.enqueue(
                Reply.sse(AnthropicWire.opening(40, "SELECT", " name")).thenAbort(), Reply.sse(answer(1, 1, "unused")));
        Tokens tokens = new Tokens();

        LlmException failure = failure(anthropic(), tokens);

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(tokens.received).containsExactly("SELECT", " name");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void aStreamBrokenOffBeforeAnyTokenIsRetried() {
        server.enqueue(Reply.sse(AnthropicWire.opening(40)).thenAbort(), Reply.sse(answer(40, 2, "SELECT 1")));
        Tokens tokens = new Tokens();

        LlmCompletion completion = anthropic().complete(LlmFixtures.request(), tokens, new CancellationToken());

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(tokens.received).containsExactly("SELECT 1");
        assertThat(completion.inputTokens())
                .as("the broken-off attempt's prompt was billed as well, as its message_start reported")
                .isEqualTo(40 + 40);
        assertThat(completion.outputTokens()).isEqualTo(2);
        assertThat(completion.estimated()).isFalse();
    }

    @Test
    void anOverloadedErrorEventBeforeAnyTokenIsRetried() {
        java.util.List<String> overloaded = new java.util.ArrayList<>(AnthropicWire.opening(40));
        overloaded.add(AnthropicWire.error("overloaded_error", "Overloaded"));
        server.enqueue(Reply.sse(overloaded), Reply.sse(answer(40, 2, "SELECT 1")));

        LlmCompletion completion =
                anthropic().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(completion.text()).isEqualTo("SELECT 1");
    }

    @Test
    void aStalledStreamTimesOutEvenWhileThePingsKeepComing() throws Exception {
        server.enqueue(Reply.sse(AnthropicWire.opening(40, "SELECT", " 1"))
                .thenStall(AnthropicWire.ping(), Duration.ofMillis(100)));
        Tokens tokens = new Tokens();

        LlmException failure = failure(anthropic(), tokens);

        assertThat(failure.category()).isEqualTo(LlmException.Category.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("The AI provider stopped sending its answer for 1 s; try again.");
        assertThat(tokens.received).containsExactly("SELECT", " 1");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(server.awaitClientGone(Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void cancellingMidStreamStopsTheModelStream() throws Exception {
        java.util.List<String> long_ = AnthropicWire.opening(40);
        for (int i = 0; i < 200; i++) {
            long_.add(AnthropicWire.textDelta(" t" + i));
        }
        server.enqueue(Reply.sse(long_).paced(Duration.ofMillis(50)));
        CancellationToken cancel = new CancellationToken();
        Tokens tokens = new Tokens();
        java.util.concurrent.ExecutorService caller = java.util.concurrent.Executors.newSingleThreadExecutor();
        try {
            java.util.concurrent.Future<LlmCompletion> answer =
                    caller.submit(() -> anthropic().complete(LlmFixtures.request(), tokens, cancel));
            assertThat(tokens.awaitAtLeast(3, Duration.ofSeconds(30))).isTrue();

            cancel.cancel();

            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                    () -> answer.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertThat(failure).hasCauseInstanceOf(LlmException.class);
            assertThat(((LlmException) failure.getCause()).category()).isEqualTo(LlmException.Category.CANCELLED);
            // The connection is closed: the fake server's next write fails, long before its 200 tokens are out.
            assertThat(server.awaitClientGone(Duration.ofSeconds(30))).isTrue();
            int seen = tokens.received.size();
            assertThat(seen).isLessThan(200);
            Thread.sleep(300);
            assertThat(tokens.received).hasSize(seen);
            assertThat(server.requestCount()).isEqualTo(1);
        } finally {
            caller.shutdownNow();
        }
    }

    /**
     * The listener writes to the asker's socket. A cancel that arrives while it writes must not interrupt it: Spring AI
     * reads the stream on a Reactor worker that disposing the stream interrupts, and an interrupted WebSocket write
     * makes Tomcat drop the socket, the answer that says the question was cancelled with it.
     */
    @Test
    void aCancelWhileTheListenerWritesNeitherInterruptsItNorPassesOnMoreTokens() throws Exception {
        server.enqueue(Reply.sse(AnthropicWire.opening(40, "SELECT", " 1"))
                .thenStall(AnthropicWire.ping(), Duration.ofMillis(100)));
        CancellationToken cancel = new CancellationToken();
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        List<String> received = new CopyOnWriteArrayList<>();
        List<Boolean> interrupted = new CopyOnWriteArrayList<>();
        TokenListener slowSocket = token -> {
            received.add(token);
            if (writing.getCount() == 0) {
                return;
            }
            writing.countDown();
            try {
                // Still writing the first token when the cancel comes.
                cancelled.await();
                interrupted.add(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                interrupted.add(true);
                Thread.currentThread().interrupt();
            }
        };
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<LlmCompletion> answer =
                    caller.submit(() -> anthropic().complete(LlmFixtures.request(), slowSocket, cancel));
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();

            cancel.cancel();
            cancelled.countDown();

            Throwable failure = catchThrowable(() -> answer.get(30, TimeUnit.SECONDS));
            assertThat(failure).hasCauseInstanceOf(LlmException.class);
            assertThat(((LlmException) failure.getCause()).category()).isEqualTo(LlmException.Category.CANCELLED);
            assertThat(interrupted).as("the listener was interrupted").containsExactly(false);
            assertThat(received).as("no token is passed on after the cancel").containsExactly("SELECT");
            assertThat(server.awaitClientGone(Duration.ofSeconds(30))).isTrue();
        } finally {
            caller.shutdownNow();
        }
    }

    @Test
    void aCancelledTokenStopsTheRequestBeforeItIsSent() {
        CancellationToken cancel = new CancellationToken();
        cancel.cancel();

        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(
                () -> anthropic().complete(LlmFixtures.request(), TokenListener.NONE, cancel));

        assertThat(failure).isInstanceOf(LlmException.class);
        assertThat(((LlmException) failure).category()).isEqualTo(LlmException.Category.CANCELLED);
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenFailsFastWithoutARequest() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Reply.json(503, AnthropicWire.errorBody("overloaded_error", "Overloaded")));
        }
        server.enqueue(Reply.sse(answer(1, 1, "never sent")));
        assertThat(failure(anthropic(), new Tokens()).category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(server.requestCount()).isEqualTo(3);

        LlmException open = failure(anthropic(), new Tokens());

        assertThat(open.category()).isEqualTo(LlmException.Category.CIRCUIT_OPEN);
        assertThat(open.getMessage())
                .startsWith("The AI provider failed repeatedly, so DataMind stopped calling it for a moment");
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void theBreakerBelongsToOneEndpoint() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(Reply.json(503, AnthropicWire.errorBody("overloaded_error", "Overloaded")));
        }
        failure(anthropic(), new Tokens());
        assertThat(failure(anthropic(), new Tokens()).category()).isEqualTo(LlmException.Category.CIRCUIT_OPEN);

        try (FakeLlmServer other = FakeLlmServer.start()) {
            other.enqueue(Reply.sse(answer(5, 1, "fine")));
            LlmProvider elsewhere =
                    providers.create(new LlmProviderSettings("anthropic", null, other.baseUrl(), "sk-ant-other-key"));

            LlmCompletion completion =
                    elsewhere.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

            assertThat(completion.text()).isEqualTo("fine");
        }
    }

    private static LlmException failure(LlmProvider provider, TokenListener listener) {
        return org.assertj.core.api.Assertions.catchThrowableOfType(
                LlmException.class, () -> provider.complete(LlmFixtures.request(), listener, new CancellationToken()));
    }
}
