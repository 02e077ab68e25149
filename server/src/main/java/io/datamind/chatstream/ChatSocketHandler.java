package io.datamind.chatstream;

import io.datamind.ask.AskCommand;
import io.datamind.auth.Caller;
import io.datamind.auth.WebSocketPerimeter;
import io.datamind.common.ApiException;
import io.datamind.llm.CancellationToken;
import io.datamind.org.Role;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chat socket at {@code /ws}: plain JSON text frames. A socket is authenticated by the session cookie (or a Bearer
 * header) on the handshake, or by an {@code auth} message first; then it takes {@code ask} and {@code cancel}
 * messages, any number of questions at once up to a limit, each answered on the ask pool with its own events. See
 * docs/streaming.md for the protocol.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler implements DisposableBean {

    static final String PATH = "/ws";
    private static final String SOCKET = "datamind.socket";
    private static final int MAX_REQUEST_ID = 100;
    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    /** Tomcat's per-session limit on a blocking send; without it a stuck client would hold a thread for 20 s. */
    private static final String TOMCAT_BLOCKING_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private static final String HOW_TO_AUTHENTICATE =
            "sign in (the session cookie authenticates the socket) or send {\"type\":\"auth\",\"token\":\"...\"} first";

    private final WebSocketPerimeter perimeter;
    private final StreamedAsk streamedAsk;
    private final AskExecutor executor;
    private final StreamEvents events;
    private final SocketAuthFailures authFailures;
    private final JsonMapper json;
    private final ChatStreamProperties properties;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chat-socket-auth-deadline");
        thread.setDaemon(true);
        return thread;
    });

    ChatSocketHandler(
            WebSocketPerimeter perimeter,
            StreamedAsk streamedAsk,
            AskExecutor executor,
            StreamEvents events,
            SocketAuthFailures authFailures,
            JsonMapper json,
            ChatStreamProperties properties) {
        this.perimeter = perimeter;
        this.authFailures = authFailures;
        this.streamedAsk = streamedAsk;
        this.executor = executor;
        this.events = events;
        this.json = json;
        this.properties = properties;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit((int) properties.maxMessageSize().toBytes());
        if (session instanceof NativeWebSocketSession nativeSession) {
            Session tomcat = nativeSession.getNativeSession(Session.class);
            if (tomcat != null) {
                tomcat.setMaxIdleTimeout(properties.idleTimeout().toMillis());
                tomcat.getUserProperties()
                        .put(
                                TOMCAT_BLOCKING_SEND_TIMEOUT,
                                properties.sendTimeLimit().toMillis());
            }
        }
        ChatSocket socket = new ChatSocket(new ConcurrentWebSocketSessionDecorator(
                session,
                (int) properties.sendTimeLimit().toMillis(),
                (int) properties.sendBufferLimit().toBytes(),
                ConcurrentWebSocketSessionDecorator.OverflowStrategy.TERMINATE));
        Map<String, Object> attributes = session.getAttributes();
        attributes.put(SOCKET, socket);
        if (attributes.get(SocketHandshake.AUTH_FAILURE) instanceof ApiException failure) {
            refuse(socket, failure);
            return;
        }
        if (attributes.get(SocketHandshake.TOKEN) instanceof String token
                && attributes.get(SocketHandshake.CALLER) instanceof Caller caller) {
            socket.authenticate(token, caller);
            return;
        }
        socket.authDeadline(deadlines.schedule(
                () -> {
                    if (!socket.authenticated()) {
                        refuse(socket, unauthorized("No auth message arrived in time; " + HOW_TO_AUTHENTICATE));
                    }
                },
                properties.authTimeout().toMillis(),
                TimeUnit.MILLISECONDS));
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        ChatSocket socket = (ChatSocket) session.getAttributes().get(SOCKET);
        JsonNode node;
        try {
            node = json.readTree(message.getPayload());
        } catch (JacksonException e) {
            socket.send(error(null, ApiException.badRequest("Messages must be JSON objects with a type")));
            return;
        }
        if (node == null || !node.isObject()) {
            socket.send(error(null, ApiException.badRequest("Messages must be JSON objects with a type")));
            return;
        }
        String requestId = null;
        try {
            requestId = optionalText(node, "requestId");
            String type = optionalText(node, "type");
            if ("auth".equals(type)) {
                authenticate(socket, node, session.getAttributes().get(SocketHandshake.CLIENT_ADDRESS));
                return;
            }
            if (!socket.authenticated()) {
                refuse(socket, unauthorized(HOW_TO_AUTHENTICATE));
                return;
            }
            if ("ask".equals(type)) {
                ask(socket, node);
            } else if ("cancel".equals(type)) {
                socket.cancel(requiredRequestId(node));
            } else {
                throw ApiException.invalidField("type", "must be auth, ask or cancel");
            }
        } catch (ApiException invalid) {
            socket.send(error(requestId != null && requestId.length() <= MAX_REQUEST_ID ? requestId : null, invalid));
        }
    }

    private void authenticate(ChatSocket socket, JsonNode node, Object clientAddress) {
        String token = optionalText(node, "token");
        Caller caller;
        try {
            caller = perimeter.authenticate(token);
            socket.authenticate(token, caller);
        } catch (ApiException failure) {
            refuse(socket, authFailures.overLimit((String) clientAddress).orElse(failure));
            return;
        }
        socket.send(new StreamEvents.Event(
                "authenticated",
                json.writeValueAsString(json.createObjectNode()
                        .put("type", "authenticated")
                        .putNull("requestId")
                        .put("userId", caller.userId().toString())
                        .put("orgId", caller.orgId().toString())
                        .put("role", caller.role().value()))));
    }

    private void ask(ChatSocket socket, JsonNode node) {
        String requestId = requiredRequestId(node);
        UUID connectionId = uuid(node, "connectionId", true);
        String question = optionalText(node, "question");
        if (question == null) {
            throw ApiException.invalidField("question", "must not be null");
        }
        UUID sessionId = uuid(node, "sessionId", false);
        // The pipeline runs the query under the command's id, and the runner's ids are global: a client's own id
        // ("1", "2") would collide with another client's, so the question gets a fresh one.
        AskCommand command = new AskCommand(
                connectionId, question, sessionId, UUID.randomUUID().toString());

        CancellationToken cancel = new CancellationToken();
        ApiException refused = socket.start(requestId, cancel, properties.maxAsksPerSocket());
        if (refused != null) {
            throw refused;
        }
        // Checked again for every question, off the socket's thread: an expired or revoked token, a removed member
        // or a demotion to viewer takes effect at once, as on every HTTP request.
        String token = socket.token();
        try {
            executor.submit(cancel, () -> {
                try {
                    streamedAsk.run(() -> asker(token), command, requestId, PATH, socket::send, cancel);
                } finally {
                    socket.finish(requestId, cancel);
                }
            });
        } catch (ApiException busy) {
            socket.finish(requestId, cancel);
            log.warn("Refused a question on socket {}: the ask pool is full", socket.id());
            throw busy;
        }
    }

    /** Asking changes state (a stored turn), so it needs what the HTTP perimeter asks of a POST: analyst or above. */
    private Caller asker(String token) {
        Caller caller = perimeter.authenticate(token);
        caller.require(Role.ANALYST);
        return caller;
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        if (session.getAttributes().get(SOCKET) instanceof ChatSocket socket) {
            socket.cancelAll();
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        log.debug("Socket {} failed: {}", session.getId(), exception.toString());
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
    }

    private void refuse(ChatSocket socket, ApiException failure) {
        socket.send(error(null, failure));
        socket.close(CloseStatus.POLICY_VIOLATION.withReason(failure.title()));
    }

    private StreamEvents.Event error(String requestId, ApiException failure) {
        return events.error(requestId, failure, PATH, null);
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    private static String requiredRequestId(JsonNode node) {
        String requestId = optionalText(node, "requestId");
        if (requestId == null || requestId.isBlank()) {
            throw ApiException.invalidField("requestId", "must not be blank");
        }
        if (requestId.length() > MAX_REQUEST_ID) {
            throw ApiException.invalidField("requestId", "must be at most " + MAX_REQUEST_ID + " characters");
        }
        return requestId;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw ApiException.invalidField(field, "must be a string");
        }
        return value.asString();
    }

    private static UUID uuid(JsonNode node, String field, boolean required) {
        String text = optionalText(node, field);
        if (text == null) {
            if (required) {
                throw ApiException.invalidField(field, "must not be null");
            }
            return null;
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalidField(field, "must be a valid UUID");
        }
    }
}
