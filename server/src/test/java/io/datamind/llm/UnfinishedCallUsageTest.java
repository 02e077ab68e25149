package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.llm.LlmFixtures.RecordingPause;
import io.datamind.llm.LlmFixtures.Tokens;
import io.datamind.support.AnthropicWire;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.OpenAiWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a call that did not complete cost, as the exception reports it for the budget: the provider's own figures as
 * far as it gave them, otherwise about four characters a token of the prompt and of the streamed text.
 */
class UnfinishedCallUsageTest {

    private FakeLlmServer anthropicServer;
    private FakeLlmServer openAiServer;
    private LlmProviders providers;

    @BeforeEach
    void setUp() {
        anthropicServer = FakeLlmServer.start();
        openAiServer = FakeLlmServer.start();
        providers = LlmFixtures.providers(
                LlmFixtures.properties(anthropicServer.baseUrl(), openAiServer.baseUrl(), Duration.ofSeconds(1)),
                new RecordingPause());
    }

    @AfterEach
    void tearDown() {
        anthropicServer.close();
        openAiServer.close();
    }

    private LlmProvider anthropic() {
        return providers.create(LlmProviderSettings.of("anthropic"));
    }

    private LlmProvider openAi() {
        return providers.create(LlmProviderSettings.of("openai"));
    }

    /** The estimate for the fixture request: its system prompt and messages, four characters a token, rounded up. */
    private static long promptEstimate() {
        LlmRequest request = LlmFixtures.request();
        long characters = request.system().length()
                + request.messages().stream()
                        .mapToLong(m -> m.content().length())
                        .sum();
        return (characters + 3) / 4;
    }

    @Test
    void anAnthropicStreamCutAfterSomeTokensChargesTheReportedPromptAndTheStreamedText() {
        // "SELECT name FROM t" is 18 characters: 5 tokens by the estimate.
        anthropicServer.enqueue(Reply.sse(AnthropicWire.opening(700, "SELECT", " name", " FROM t"))
                .thenAbort());

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(failure.spent())
                .as("message_start reported 700 prompt tokens; the answer's tokens are estimated")
                .isEqualTo(new TokenUsage(700, 5, true));
    }

    @Test
    void anAnthropicServerErrorMidStreamChargesWhatWasUsed() {
        List<String> events = new ArrayList<>(AnthropicWire.opening(320, "SELECT 1"));
        events.add(AnthropicWire.error("api_error", "Internal server error"));
        anthropicServer.enqueue(Reply.sse(events));

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(anthropicServer.requestCount())
                .as("no retry once tokens were shown")
                .isEqualTo(1);
        assertThat(failure.spent()).isEqualTo(new TokenUsage(320, 2, true));
    }

    @Test
    void everyAttemptOfARetriedRequestIsCharged() {
        List<String> overloaded = new ArrayList<>(AnthropicWire.opening(250));
        overloaded.add(AnthropicWire.error("overloaded_error", "Overloaded"));
        anthropicServer.enqueue(Reply.sse(overloaded), Reply.sse(AnthropicWire.answer(250, 4, "SELECT 1")));

        LlmCompletion completion =
                anthropic().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(anthropicServer.requestCount()).isEqualTo(2);
        assertThat(completion.usage())
                .as("the overloaded attempt had its prompt read, and said so")
                .isEqualTo(new TokenUsage(250 + 250, 4, false));
    }

    @Test
    void aRequestTheProviderRefusedCostsNothing() {
        String body = AnthropicWire.errorBody("api_error", "Internal server error");
        anthropicServer.enqueue(Reply.json(500, body), Reply.json(500, body), Reply.json(500, body));

        LlmException failure = failure(anthropic(), new Tokens());

        assertThat(anthropicServer.requestCount()).isEqualTo(3);
        assertThat(failure.spent()).isEqualTo(TokenUsage.NONE);
    }

    @Test
    void aCancelledAnthropicStreamChargesThePromptAndWhatStreamedUntilTheCancel() throws Exception {
        List<String> events = AnthropicWire.opening(900);
        for (int i = 0; i < 200; i++) {
            events.add(AnthropicWire.textDelta("abcd"));
        }
        anthropicServer.enqueue(Reply.sse(events).paced(Duration.ofMillis(50)));
        Tokens tokens = new Tokens();
        CancellationToken cancel = new CancellationToken();

        LlmException failure = cancelAfter(anthropic(), tokens, cancel, 3);

        assertThat(failure.category()).isEqualTo(LlmException.Category.CANCELLED);
        // Each token is 4 characters, one token by the estimate; none arrives after the cancel returned.
        assertThat(failure.spent()).isEqualTo(new TokenUsage(900, tokens.received.size(), true));
    }

    @Test
    void anOpenAiStreamCutAfterSomeTokensIsEstimatedFromThePromptAndTheText() {
        openAiServer.enqueue(
                Reply.sse(OpenAiWire.opening("SELECT", " name", " FROM t")).thenAbort());

        LlmException failure = failure(openAi(), new Tokens());

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(failure.spent())
                .as("usage comes only in the last chunk; nothing was reported")
                .isEqualTo(new TokenUsage(promptEstimate(), 5, true));
    }

    @Test
    void aCancelledOpenAiStreamIsEstimated() throws Exception {
        List<String> events = OpenAiWire.opening();
        for (int i = 0; i < 200; i++) {
            events.add(OpenAiWire.content("abcd"));
        }
        openAiServer.enqueue(Reply.sse(events).paced(Duration.ofMillis(50)));
        Tokens tokens = new Tokens();
        CancellationToken cancel = new CancellationToken();

        LlmException failure = cancelAfter(openAi(), tokens, cancel, 3);

        assertThat(failure.category()).isEqualTo(LlmException.Category.CANCELLED);
        assertThat(failure.spent()).isEqualTo(new TokenUsage(promptEstimate(), tokens.received.size(), true));
    }

    @Test
    void aCompleteAnswerWithoutUsageIsMarkedEstimated() {
        List<String> events = OpenAiWire.opening("SELECT 1");
        events.add(OpenAiWire.finish("stop"));
        events.add(OpenAiWire.done());
        openAiServer.enqueue(Reply.sse(events));

        LlmCompletion completion =
                openAi().complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.usage()).isEqualTo(new TokenUsage(promptEstimate(), 2, true));
    }

    private static LlmException cancelAfter(LlmProvider provider, Tokens tokens, CancellationToken cancel, int count)
            throws Exception {
        ExecutorService caller = Executors.newSingleThreadExecutor();
        try {
            Future<LlmCompletion> answer =
                    caller.submit(() -> provider.complete(LlmFixtures.request(), tokens, cancel));
            assertThat(tokens.awaitAtLeast(count, Duration.ofSeconds(30))).isTrue();
            cancel.cancel();
            Throwable failure = catchThrowable(() -> answer.get(30, TimeUnit.SECONDS));
            assertThat(failure).hasCauseInstanceOf(LlmException.class);
            return (LlmException) failure.getCause();
        } finally {
            caller.shutdownNow();
        }
    }

    private static LlmException failure(LlmProvider provider, TokenListener listener) {
        return catchThrowableOfType(
                LlmException.class, () -> provider.complete(LlmFixtures.request(), listener, new CancellationToken()));
    }
}
