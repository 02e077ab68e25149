package io.datamind.chatstream;

import io.datamind.llm.CancellationToken;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One question's server-sent events. A client that leaves is noticed on the next write, an event or the heartbeat
 * comment sent while the database or the model is silent, and cancels the question.
 */
final class EventStream {

    private static final Logger log = LoggerFactory.getLogger(EventStream.class);

    private final SseEmitter emitter;
    private final CancellationToken cancel;
    private boolean closed;
    private ScheduledFuture<?> heartbeat;

    EventStream(SseEmitter emitter, CancellationToken cancel) {
        this.emitter = emitter;
        this.cancel = cancel;
    }

    void send(StreamEvents.Event event) {
        write(SseEmitter.event().name(event.type()).data(event.json()));
    }

    synchronized void heartbeat(ScheduledExecutorService scheduler, Duration every) {
        if (closed) {
            return;
        }
        heartbeat = scheduler.scheduleWithFixedDelay(
                () -> write(SseEmitter.event().comment("")), every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The question ended: stop the heartbeat and end the response. */
    synchronized void finish() {
        stopHeartbeat();
        if (!closed) {
            closed = true;
            emitter.complete();
        }
    }

    /** The client left or the stream timed out: cancel the question. */
    void abandon() {
        synchronized (this) {
            closed = true;
            stopHeartbeat();
        }
        cancel.cancel();
    }

    private void write(SseEmitter.SseEventBuilder event) {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                emitter.send(event);
                return;
            } catch (IOException | IllegalStateException e) {
                log.debug("The event stream's client left: {}", e.toString());
                closed = true;
                stopHeartbeat();
            }
        }
        // Outside the lock: cancelling runs the pipeline's callbacks (closing the model's connection, cancelling
        // the query) on this thread.
        cancel.cancel();
    }

    private void stopHeartbeat() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
    }
}
