package io.datamind.llm;

import io.datamind.llm.LlmException.Category;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * One call to the model: passes the answer to the listener as it streams in, on the calling thread (see {@link
 * Relay}), until its end. An answer counts as complete only when the provider said why it stopped; a stream that
 * simply ends (the connection closed early) is an error, never a silently shortened answer.
 */
final class StreamingAttempt {

    private static final Logger log = LoggerFactory.getLogger(StreamingAttempt.class);

    /**
     * Reactor's per-subscription hook for errors after cancellation (the value of the package-private {@code
     * Hooks.KEY_ON_ERROR_DROPPED}). After a cancel or a timeout the SDK's reading thread fails on the closed stream;
     * that failure is expected and goes to the debug log rather than Reactor's global error log.
     */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";

    private static final Consumer<Throwable> DROPPED =
            error -> log.debug("Model stream failed after it was stopped: {}", error.toString());

    private final ChatModelClient client;
    private final Duration firstTokenTimeout;
    private final Duration idleTimeout;
    private final ProviderErrors errors;

    StreamingAttempt(ChatModelClient client, Duration firstTokenTimeout, Duration idleTimeout, ProviderErrors errors) {
        this.client = client;
        this.firstTokenTimeout = firstTokenTimeout;
        this.idleTimeout = idleTimeout;
        this.errors = errors;
    }

    LlmCompletion run(LlmRequest request, TokenListener listener, CancellationToken cancel) {
        if (cancel.isCancelled()) {
            throw LlmException.cancelled();
        }
        Relay relay = new Relay();
        Answer answer = new Answer(relay);
        String attempt = UUID.randomUUID().toString();
        Flux<ChatResponse> stream = Flux.defer(() -> client.model().stream(prompt(request, attempt)))
                .timeout(Mono.delay(firstTokenTimeout), response -> Mono.delay(idleTimeout))
                .contextWrite(Context.of(ON_ERROR_DROPPED, DROPPED));
        Disposable subscription = stream.subscribe(answer::accept, relay::fail, relay::complete);
        try (CancellationToken.Registration ignored = cancel.onCancel(() -> {
            client.calls().stop(attempt);
            subscription.dispose();
            relay.stop(LlmException.cancelled());
        })) {
            relay.deliver(token -> {
                answer.passedOn(token);
                listener.onToken(token);
            });
            return answer.complete(request, client.modelName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.calls().stop(attempt);
            throw LlmException.cancelled().spent(answer.spent(request, client.calls(), attempt));
        } catch (ListenerFailure e) {
            // The listener's own failure: the provider did nothing wrong, but its stream must stop, not drain.
            client.calls().stop(attempt);
            throw e.failure;
        } catch (ExecutionException e) {
            // A timeout or a broken stream: make sure the connection is closed, not drained.
            client.calls().stop(attempt);
            RuntimeException failure = failure(e.getCause(), answer);
            if (failure instanceof LlmException llm) {
                // The provider bills what it generated, answer or not: the budget must move by as much.
                llm.spent(answer.spent(request, client.calls(), attempt));
            }
            throw failure;
        } catch (LlmException e) {
            // The stream ended without saying the answer was complete.
            throw e.spent(answer.spent(request, client.calls(), attempt));
        } finally {
            subscription.dispose();
            client.calls().release(attempt);
        }
    }

    private RuntimeException failure(Throwable error, Answer answer) {
        if (error instanceof TimeoutException) {
            return answer.started()
                    ? new LlmException(
                            Category.TIMEOUT,
                            "The AI provider stopped sending its answer for " + seconds(idleTimeout) + "; try again.",
                            error)
                    : new LlmException(
                            Category.TIMEOUT,
                            "The AI provider did not start its answer within " + seconds(firstTokenTimeout)
                                    + "; try again.",
                            error);
        }
        return errors.map(error);
    }

    private Prompt prompt(LlmRequest request, String attempt) {
        List<Message> messages = new ArrayList<>(request.messages().size() + 1);
        if (!request.system().isBlank()) {
            messages.add(new SystemMessage(request.system()));
        }
        for (LlmMessage message : request.messages()) {
            messages.add(
                    switch (message.role()) {
                        case USER -> new UserMessage(message.content());
                        case ASSISTANT -> new AssistantMessage(message.content());
                    });
        }
        return new Prompt(messages, client.options().forRequest(request, Map.of(InFlightCalls.HEADER, attempt)));
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }

    /** A listener's own exception, carried out of the relay untouched. */
    private static final class ListenerFailure extends RuntimeException {
        private final RuntimeException failure;

        ListenerFailure(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /**
     * Carries the tokens from the stream's reading thread to the thread that asked, which passes them to the listener.
     *
     * <p>The listener writes to the asker's socket or event stream, and it must not do so on the reading thread: a
     * cancel disposes the stream, and Spring AI reads it on a Reactor worker that disposing <em>interrupts</em>
     * ({@code subscribeOn} cancels the worker's task with {@code Future.cancel(true)}). An interrupt in the middle
     * of a WebSocket write makes Tomcat close the session as broken, so the answer saying the question was cancelled
     * was never delivered. On the asking thread nothing interrupts the listener, its tokens keep their order with the
     * asker's other events, and none is passed on after the attempt ended.
     */
    private static final class Relay {

        private static final Object END = new Object();

        private final BlockingQueue<Object> pending = new LinkedBlockingQueue<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private volatile boolean stopped;

        void token(String token) {
            pending.add(token);
        }

        void complete() {
            done.complete(null);
            pending.add(END);
        }

        /** The stream broke off: the tokens that came before are still passed on. */
        void fail(Throwable error) {
            done.completeExceptionally(error);
            pending.add(END);
        }

        /**
         * The attempt was cancelled: tokens not passed on yet are dropped, also when the stream broke off first (the
         * cancel closing its connection does that). A cancel after the stream completed changes nothing.
         */
        void stop(Throwable cancelled) {
            done.completeExceptionally(cancelled);
            if (done.isCompletedExceptionally()) {
                stopped = true;
            }
            pending.add(END);
        }

        /**
         * Passes the tokens on, on this thread, until the stream ends or the attempt is cancelled.
         *
         * @throws ExecutionException with the stream's failure, or the cancel
         * @throws ListenerFailure when the listener threw
         */
        void deliver(TokenListener listener) throws InterruptedException, ExecutionException {
            while (true) {
                Object next = pending.take();
                if (next == END || stopped) {
                    break;
                }
                try {
                    listener.onToken((String) next);
                } catch (RuntimeException e) {
                    throw new ListenerFailure(e);
                }
            }
            done.get();
        }
    }

    /**
     * The answer as it streams in: what the provider reports, from one stream thread at a time, and the text, from the
     * asking thread as it is passed on.
     */
    private static final class Answer {

        private final Relay relay;
        // The text passed on to the listener, on the asking thread: what the asker saw is what is charged.
        private final StringBuilder text = new StringBuilder();
        private long streamedCharacters;
        private volatile boolean started;
        private volatile String finishReason;
        private volatile String model;
        private volatile Usage usage;

        Answer(Relay relay) {
            this.relay = relay;
        }

        void accept(ChatResponse response) {
            started = true;
            for (Generation generation : response.getResults()) {
                String token = generation.getOutput().getText();
                if (token != null && !token.isEmpty()) {
                    relay.token(token);
                }
                String reason = generation.getMetadata().getFinishReason();
                if (reason != null && !reason.isBlank()) {
                    finishReason = reason;
                }
            }
            ChatResponseMetadata metadata = response.getMetadata();
            if (metadata != null) {
                Usage reported = metadata.getUsage();
                if (reported != null && reported.getTotalTokens() != null && reported.getTotalTokens() > 0) {
                    usage = reported;
                }
                if (metadata.getModel() != null && !metadata.getModel().isBlank()) {
                    model = metadata.getModel();
                }
            }
        }

        void passedOn(String token) {
            text.append(token);
            streamedCharacters += token.length();
        }

        boolean started() {
            return started;
        }

        /**
         * What an answer that did not complete cost: the usage the provider reported so far (Anthropic reports the
         * prompt's tokens as the answer starts), and where it reported nothing, an estimate from the prompt's and the
         * streamed text's length. A request the provider refused or never answered (an error status, no connection)
         * is not billed and costs nothing.
         *
         * @param calls where the attempt's HTTP call tells whether the provider accepted the request, and the prompt
         *     tokens it reported as the stream began
         */
        TokenUsage spent(LlmRequest request, InFlightCalls calls, String attempt) {
            Usage reported = usage;
            if (reported == null && !started && !calls.answered(attempt)) {
                return TokenUsage.NONE;
            }
            long reportedInput =
                    reported == null ? calls.reportedPromptTokens(attempt) : orZero(reported.getPromptTokens());
            long reportedOutput = reported == null ? 0 : orZero(reported.getCompletionTokens());
            // Output figures before the end are placeholders (Anthropic sends 1 at the start): the text says more.
            long streamedOutput = estimateTokens(streamedCharacters);
            boolean estimated = reportedInput == 0 || streamedOutput > reportedOutput;
            return new TokenUsage(
                    reportedInput > 0 ? reportedInput : estimateTokens(promptCharacters(request)),
                    Math.max(reportedOutput, streamedOutput),
                    estimated);
        }

        LlmCompletion complete(LlmRequest request, String requestedModel) {
            // The usage chunk comes last; an OpenAI-compatible server whose finish reason Spring AI does not know
            // still counts as finished once it reported usage.
            if (finishReason == null && usage == null) {
                throw new LlmException(Category.UNAVAILABLE, ProviderErrors.TRUNCATED);
            }
            String answerText = text.toString();
            long input;
            long output;
            if (usage != null) {
                input = orZero(usage.getPromptTokens());
                output = orZero(usage.getCompletionTokens());
            } else {
                // Some OpenAI-compatible servers ignore stream_options.include_usage. Budgets must still move, so
                // count roughly four characters a token rather than nothing.
                input = estimateTokens(promptCharacters(request));
                output = estimateTokens(answerText.length());
                log.debug(
                        "The AI provider reported no token usage for model {}; estimated {} input and {} output tokens",
                        requestedModel,
                        input,
                        output);
            }
            return new LlmCompletion(
                    answerText,
                    input,
                    output,
                    model != null ? model : requestedModel,
                    normalize(finishReason),
                    usage == null);
        }

        private static long promptCharacters(LlmRequest request) {
            return request.system().length()
                    + request.messages().stream()
                            .mapToLong(m -> m.content().length())
                            .sum();
        }

        /** Roughly four characters a token, rounded up. */
        private static long estimateTokens(long characters) {
            return (characters + 3) / 4;
        }

        private static long orZero(Integer value) {
            return value == null ? 0 : value;
        }

        private static String normalize(String reason) {
            if (reason == null) {
                return "stop";
            }
            String lower = reason.toLowerCase(Locale.ROOT);
            return switch (lower) {
                case "end_turn", "stop_sequence", "stop" -> "stop";
                case "max_tokens", "length" -> "length";
                default -> lower;
            };
        }
    }
}
