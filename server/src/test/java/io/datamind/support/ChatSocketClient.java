package io.datamind.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A real WebSocket client (the JDK's) for the chat socket: collects every JSON message it receives, in order, and the
 * close code.
 */
public final class ChatSocketClient implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closed;

    private ChatSocketClient(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.closed = listener.closed;
        listener.attach(received);
    }

    /** Opens {@code ws://127.0.0.1:<port>/ws} with these handshake headers (Cookie, Origin, Authorization). */
    public static ChatSocketClient connect(int port, Map<String, String> headers) {
        Listener listener = new Listener();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        try {
            WebSocket socket = builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), listener)
                    .get(10, TimeUnit.SECONDS);
            return new ChatSocketClient(socket, listener);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                throw new HandshakeRefused(
                        refused.getResponse().statusCode(),
                        String.valueOf(refused.getResponse().body()));
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The handshake was answered with an HTTP status instead of an upgrade. */
    public static final class HandshakeRefused extends RuntimeException {
        private final int status;

        HandshakeRefused(int status, String body) {
            super("handshake refused with " + status + ": " + body);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public void send(Map<String, ?> message) {
        sendText(HttpApi.JSON.writeValueAsString(message));
    }

    public void sendText(String text) {
        try {
            synchronized (socket) {
                socket.sendText(text, true).get(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The next message, or an AssertionError if none arrives in time. */
    public JsonNode next(Duration within) {
        try {
            JsonNode message = received.poll(within.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + within);
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The messages received and not read yet, without waiting; for failure messages. */
    public List<JsonNode> drain() {
        List<JsonNode> messages = new ArrayList<>();
        received.drainTo(messages);
        return messages;
    }

    /** Every message up to and including the first that matches. */
    public List<JsonNode> until(Predicate<JsonNode> last, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        List<JsonNode> messages = new ArrayList<>();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("the awaited message did not arrive; got " + messages);
            }
            JsonNode message = next(Duration.ofNanos(left));
            messages.add(message);
            if (last.test(message)) {
                return messages;
            }
        }
    }

    /** Every message of one question up to its chat_response or error. */
    public List<JsonNode> answerTo(String requestId, Duration within) {
        return until(
                message -> requestId.equals(message.path("requestId").asString(null))
                        && (message.path("type").asString("").equals("chat_response")
                                || message.path("type").asString("").equals("error")),
                within);
    }

    /** The close code the server sent, or an AssertionError if it did not close in time. */
    public int awaitClose(Duration within) {
        try {
            return closed.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("the server did not close the socket within " + within);
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private BlockingQueue<JsonNode> sink;
        private final List<JsonNode> early = new ArrayList<>();

        synchronized void attach(BlockingQueue<JsonNode> queue) {
            sink = queue;
            sink.addAll(early);
            early.clear();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                JsonNode message = HttpApi.JSON.readTree(partial.toString());
                partial.setLength(0);
                synchronized (this) {
                    if (sink == null) {
                        early.add(message);
                    } else {
                        sink.add(message);
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
