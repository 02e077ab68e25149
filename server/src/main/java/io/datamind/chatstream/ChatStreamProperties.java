package io.datamind.chatstream;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the streamed chat (WebSocket and server-sent events).
 *
 * @param askThreads questions answered at once over the streams; each holds a thread while the model and the
 *     database work, so this is sized for hundreds of conversations
 * @param askQueue questions waiting for a thread when all are busy; beyond it a question is refused with a 503
 *     error event, never dropped
 * @param maxAsksPerSocket questions one socket may have in flight at once (429 error event beyond)
 * @param authTimeout how long a socket opened without credentials may take to send its {@code auth} message
 * @param sendTimeLimit longest a single send to a slow client may take before the socket is closed
 * @param sendBufferLimit outbound bytes buffered for a slow client before the socket is closed
 * @param maxMessageSize largest inbound text message (a question is at most 2,000 characters); Tomcat keeps a buffer
 *     of this many characters for every open socket
 * @param idleTimeout a socket with no traffic at all for this long is closed
 * @param sseTimeout longest a server-sent-events answer may stay open
 * @param sseHeartbeat how often an idle event stream gets a comment line, so a client that left is noticed (and its
 *     question cancelled) while the database or the model is still working
 */
@ConfigurationProperties("datamind.chat.stream")
record ChatStreamProperties(
        @DefaultValue("512") int askThreads,
        @DefaultValue("512") int askQueue,
        @DefaultValue("16") int maxAsksPerSocket,
        @DefaultValue("10s") Duration authTimeout,
        @DefaultValue("10s") Duration sendTimeLimit,
        @DefaultValue("1MB") DataSize sendBufferLimit,
        @DefaultValue("16KB") DataSize maxMessageSize,
        @DefaultValue("30m") Duration idleTimeout,
        @DefaultValue("15m") Duration sseTimeout,
        @DefaultValue("15s") Duration sseHeartbeat) {

    ChatStreamProperties {
        if (askThreads < 1 || askQueue < 0 || maxAsksPerSocket < 1) {
            throw new IllegalArgumentException(
                    "datamind.chat.stream: ask-threads and max-asks-per-socket must be at least 1, ask-queue at least 0");
        }
    }
}
