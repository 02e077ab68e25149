package io.datamind.chatstream;

import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.llm.CancellationToken;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;

/**
 * One open socket: whose it is, the questions it has in flight, and its outbound side. Sends come from many threads
 * (the pipeline's and the model client's); the decorator lets one of them write while the others only append to a
 * bounded buffer, so a slow client delays only its own questions, and one that stays too slow or falls too far
 * behind is disconnected, which cancels its questions.
 */
final class ChatSocket {

    private static final Logger log = LoggerFactory.getLogger(ChatSocket.class);

    private final ConcurrentWebSocketSessionDecorator out;
    private final Map<String, CancellationToken> inFlight = new HashMap<>();
    private volatile String token;
    private volatile UUID userId;
    private volatile ScheduledFuture<?> authDeadline;

    ChatSocket(ConcurrentWebSocketSessionDecorator out) {
        this.out = out;
    }

    String id() {
        return out.getId();
    }

    boolean authenticated() {
        return token != null;
    }

    String token() {
        return token;
    }

    /**
     * Takes a verified token. A socket belongs to one user: a token of someone else is refused, since the questions
     * in flight were asked as the first.
     */
    void authenticate(String verifiedToken, Caller caller) {
        synchronized (this) {
            if (userId != null && !userId.equals(caller.userId())) {
                throw ApiException.badRequest("This socket belongs to another user; open a new one");
            }
            userId = caller.userId();
            token = verifiedToken;
        }
        ScheduledFuture<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    void authDeadline(ScheduledFuture<?> deadline) {
        this.authDeadline = deadline;
    }

    /**
     * Registers a question; null when it may start, otherwise the problem to send: its id is already in flight, or
     * the socket has too many.
     */
    ApiException start(String requestId, CancellationToken cancel, int max) {
        synchronized (inFlight) {
            if (inFlight.containsKey(requestId)) {
                return ApiException.conflict("requestId", "A question with this requestId is already running");
            }
            if (inFlight.size() >= max) {
                return new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "This connection already has " + max + " questions running; wait for one to finish");
            }
            inFlight.put(requestId, cancel);
            return null;
        }
    }

    void finish(String requestId, CancellationToken cancel) {
        synchronized (inFlight) {
            inFlight.remove(requestId, cancel);
        }
    }

    /** Cancels a question in flight; an unknown id (never asked, or already answered) is ignored. */
    void cancel(String requestId) {
        CancellationToken cancel;
        synchronized (inFlight) {
            cancel = inFlight.get(requestId);
        }
        if (cancel != null) {
            cancel.cancel();
        }
    }

    void cancelAll() {
        List<CancellationToken> all;
        synchronized (inFlight) {
            all = List.copyOf(inFlight.values());
        }
        all.forEach(CancellationToken::cancel);
        ScheduledFuture<?> deadline = authDeadline;
        if (deadline != null) {
            deadline.cancel(false);
        }
    }

    /** Sends one event; never throws. A failed send closes the socket, which cancels its questions. */
    void send(StreamEvents.Event event) {
        if (!out.isOpen()) {
            return;
        }
        try {
            out.sendMessage(new TextMessage(event.json()));
        } catch (IOException | RuntimeException e) {
            // Includes the decorator's SessionLimitExceededException, after which it has closed the session.
            log.debug("Sending to socket {} failed: {}", id(), e.toString());
            close(CloseStatus.SESSION_NOT_RELIABLE);
        }
    }

    void close(CloseStatus status) {
        try {
            out.close(status);
        } catch (IOException | RuntimeException e) {
            log.debug("Closing socket {} failed: {}", id(), e.toString());
        }
    }
}
