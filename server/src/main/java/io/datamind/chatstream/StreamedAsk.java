package io.datamind.chatstream;

import io.datamind.ask.AskCommand;
import io.datamind.ask.AskService;
import io.datamind.ask.ChatAnswer;
import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.web.RequestIds;
import io.datamind.llm.CancellationToken;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Runs one question for a stream, on the calling (pool) thread: relays the pipeline's events in order, then the
 * answer, or one error event with a problem. The sink never throws: a client that went away cancels the question
 * instead, which stops the model stream and the database query.
 */
@Component
class StreamedAsk {

    private static final Logger log = LoggerFactory.getLogger(StreamedAsk.class);

    private final AskService asks;
    private final StreamEvents events;

    StreamedAsk(AskService asks, StreamEvents events) {
        this.asks = asks;
        this.events = events;
    }

    /** Where a question's events go; called by one thread at a time, in order. */
    @FunctionalInterface
    interface Sink {
        void send(StreamEvents.Event event);
    }

    /**
     * @param caller who asks, or a supplier that checks the socket's credentials again and throws a problem
     * @param instance the problem's {@code instance}: the endpoint the question came through
     */
    void run(
            Supplier<Caller> caller,
            AskCommand command,
            String requestId,
            String instance,
            Sink sink,
            CancellationToken cancel) {
        String serverRequestId = UUID.randomUUID().toString();
        MDC.put(RequestIds.MDC_KEY, serverRequestId);
        try {
            Caller asker = caller.get();
            MDC.put("user_id", asker.userId().toString());
            MDC.put("org_id", asker.orgId().toString());
            ChatAnswer answer = asks.ask(asker, command, event -> sink.send(events.of(requestId, event)), cancel);
            sink.send(events.answer(requestId, answer));
        } catch (ApiException failure) {
            sink.send(events.error(requestId, failure, instance, serverRequestId));
        } catch (RuntimeException unexpected) {
            if (cancel.isCancelled()) {
                log.debug("Cancelled question {} ended with {}", requestId, unexpected.toString());
            } else {
                log.error("Streamed question {} failed", requestId, unexpected);
            }
            sink.send(events.unexpected(requestId, instance, serverRequestId));
        } finally {
            MDC.clear();
        }
    }
}
