package io.datamind.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP server on 127.0.0.1 that plays scripted replies in order, records every request it receives and notices
 * when the client goes away mid-stream. It knows nothing about LLMs: the tests script the wire format.
 */
public final class FakeLlmServer implements AutoCloseable {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // The JDK's HTTP server leaves Nagle's algorithm on: its small writes (headers, then each streamed event)
        // would wait for the client's delayed ACK, about 40 ms, time no real provider adds. Read once, when the
        // JVM's first HTTP server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** A request as it arrived. Header names are lower case; {@code query} is null when there is none. */
    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch clientGone = new CountDownLatch(1);
    private final AtomicLong handlingNanos = new AtomicLong();

    private FakeLlmServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    public static FakeLlmServer start() {
        try {
            return new FakeLlmServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a path. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public FakeLlmServer enqueue(Reply... scripted) {
        replies.addAll(List.of(scripted));
        return this;
    }

    public List<Recorded> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the queued replies and the recorded requests, for the next test on the same server. */
    public void reset() {
        replies.clear();
        requests.clear();
    }

    public int requestCount() {
        return requests.size();
    }

    /**
     * Wall time spent in the handler so far, summed over every request: from the moment the JDK server hands the
     * request over (headers parsed) until the reply is written, the request body read included. Benchmarks subtract
     * it to leave the client's own time.
     */
    public long handlingNanos() {
        return handlingNanos.get();
    }

    /** Whether a write to a client failed (it closed the connection) within the time. */
    public boolean awaitClientGone(Duration within) throws InterruptedException {
        return clientGone.await(within.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        stopped.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        try {
            serve(exchange);
        } finally {
            handlingNanos.addAndGet(System.nanoTime() - started);
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        Map<String, List<String>> headers = new TreeMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestURI().getQuery(),
                headers,
                body));
        Reply reply = replies.poll();
        if (reply == null) {
            reply = Reply.json(599, "{\"error\":\"the test queued no reply for this request\"}");
        }
        try {
            reply.serve(exchange, this);
        } catch (IOException e) {
            clientGone.countDown();
            throw e;
        }
    }

    /** Sleeps unless the server is closing; true if it is. */
    public boolean sleep(Duration duration) {
        try {
            return stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** One scripted answer. */
    public interface Reply {

        void serve(HttpExchange exchange, FakeLlmServer server) throws IOException;

        static Reply json(int status, String body, String... headerPairs) {
            return (exchange, server) -> {
                for (int i = 0; i + 1 < headerPairs.length; i += 2) {
                    exchange.getResponseHeaders().add(headerPairs[i], headerPairs[i + 1]);
                }
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(status, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            };
        }

        static Stream sse(List<String> events) {
            return new Stream(events, Duration.ZERO, Ending.COMPLETE, null, null);
        }
    }

    public enum Ending {
        /** The response ends properly after the events. */
        COMPLETE,
        /** The connection is dropped after the events, without the end of the chunked body. */
        ABORT,
        /** After the events, only the heartbeat is sent, until the client leaves or the server closes. */
        STALL
    }

    /** A server-sent-events stream; each event is written and flushed on its own. */
    public record Stream(List<String> events, Duration pace, Ending ending, String heartbeat, Duration heartbeatEvery)
            implements Reply {

        public Stream paced(Duration between) {
            return new Stream(events, between, ending, heartbeat, heartbeatEvery);
        }

        public Stream thenAbort() {
            return new Stream(events, pace, Ending.ABORT, null, null);
        }

        public Stream thenStall(String heartbeatEvent, Duration every) {
            return new Stream(events, pace, Ending.STALL, heartbeatEvent, every);
        }

        @Override
        public void serve(HttpExchange exchange, FakeLlmServer server) throws IOException {
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().add("Cache-Control", "no-cache");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            List<String> toSend = new ArrayList<>(events);
            for (int i = 0; i < toSend.size(); i++) {
                if (i > 0 && !pace.isZero() && server.sleep(pace)) {
                    return;
                }
                out.write(toSend.get(i).getBytes(StandardCharsets.UTF_8));
                out.flush();
            }
            switch (ending) {
                case COMPLETE -> out.close();
                case ABORT ->
                    // An exception out of the handler makes the JDK server drop the connection as it is.
                    throw new IllegalStateException("connection dropped on purpose");
                case STALL -> {
                    while (!server.sleep(heartbeatEvery)) {
                        out.write(heartbeat.getBytes(StandardCharsets.UTF_8));
                        out.flush();
                    }
                }
            }
        }
    }
}
