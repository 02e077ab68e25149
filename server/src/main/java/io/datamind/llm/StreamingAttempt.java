package io.datamind.llm;

import io.datamind.llm.LlmException.Category;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
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
 * One call to the model: streams the answer to the listener (see {@link Delivery}) and waits for its end. An answer
 * counts as complete only when the provider said why it stopped; a stream that simply ends (the connection closed
 * early) is an error, never a silently shortened answer.
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
        Delivery delivery = new Delivery(listener);
        Answer answer = new Answer(delivery);
        String attempt = UUID.randomUUID().toString();
        CompletableFuture<Void> done = new CompletableFuture<>();
        Flux<ChatResponse> stream = Flux.defer(() -> client.model().stream(prompt(request, attempt)))
                .timeout(Mono.delay(firstTokenTimeout), response -> Mono.delay(idleTimeout))
                .contextWrite(Context.of(ON_ERROR_DROPPED, DROPPED));
        Disposable subscription =
                stream.subscribe(answer::accept, done::completeExceptionally, () -> done.complete(null));
        // The stream is disposed by the asking thread, once no token is being written (see Delivery); closing the
        // connection ends it at once all the same.
        try (CancellationToken.Registration ignored = cancel.onCancel(() -> {
            delivery.stop();
            client.calls().stop(attempt);
            done.completeExceptionally(LlmException.cancelled());
        })) {
            try {
                done.get();
            } finally {
                delivery.close();
            }
            return answer.complete(request, client.modelName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            client.calls().stop(attempt);
            throw LlmException.cancelled().spent(answer.spent(request, client.calls(), attempt));
        } catch (ExecutionException e) {
            // A timeout, a listener failure or a broken stream: make sure the connection is closed, not drained.
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
        if (error instanceof ListenerFailure listenerFailure) {
            return listenerFailure.failure;
        }
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

    /**
     * Passes the tokens to the listener on the stream's reading thread, and keeps that thread from being interrupted
     * while it does. Spring AI reads the stream on a Reactor worker, and disposing the stream interrupts it ({@code
     * subscribeOn} cancels the worker's task with {@code Future.cancel(true)}); the listener writes to the asker's
     * socket, and an interrupted WebSocket write makes Tomcat close the session as broken, so the answer saying the
     * question was cancelled never arrived. A cancel therefore only stops the passing on and closes the connection;
     * the asking thread disposes the stream after {@link #close()}, which waits for a token being written.
     */
    private static final class Delivery {

        private final TokenListener listener;
        private volatile boolean stopped;

        Delivery(TokenListener listener) {
            this.listener = listener;
        }

        /** Passes a token on, counted first, unless the attempt is over: none reaches the listener after that. */
        synchronized void pass(String token, Consumer<String> counted) {
            if (stopped) {
                return;
            }
            counted.accept(token);
            try {
                listener.onToken(token);
            } catch (RuntimeException e) {
                throw new ListenerFailure(e);
            }
        }

        /** No more tokens; does not wait for one being written (the cancelling thread must not). */
        void stop() {
            stopped = true;
        }

        /** No more tokens, once the one being written, if any, is written. */
        synchronized void close() {
            stopped = true;
        }
    }

    /** A listener's own exception, carried through the stream untouched. */
    private static final class ListenerFailure extends RuntimeException {
        private final RuntimeException failure;

        ListenerFailure(RuntimeException failure) {
            super(failure.getMessage(), failure, false, false);
            this.failure = failure;
        }
    }

    /** The answer as it streams in; touched by one stream thread at a time, read after the stream ended. */
    private static final class Answer {

        private final Delivery delivery;
        private final StringBuilder text = new StringBuilder();
        // Read by the waiting thread while the stream may still be writing, after a cancel or a timeout.
        private volatile long streamedCharacters;
        private volatile boolean started;
        private volatile String finishReason;
        private volatile String model;
        private volatile Usage usage;

        Answer(Delivery delivery) {
            this.delivery = delivery;
        }

        void accept(ChatResponse response) {
            started = true;
            for (Generation generation : response.getResults()) {
                String token = generation.getOutput().getText();
                if (token != null && !token.isEmpty()) {
                    // Counted as passed on: a cancelled answer is charged what the asker saw.
                    delivery.pass(token, this::passedOn);
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

        private void passedOn(String token) {
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
