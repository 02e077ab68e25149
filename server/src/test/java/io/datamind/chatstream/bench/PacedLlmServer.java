package io.datamind.chatstream.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.datamind.support.AnthropicWire;
import io.datamind.support.OpenAiWire;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake Anthropic Messages or OpenAI Chat Completions server for load: every request gets a streamed answer in the
 * real wire format, one token every {@code 1/tokensPerSecond} seconds, each stamped with the {@link System#nanoTime()}
 * at which it is written to the socket ({@code ~t<nanos>~}), so the client can measure how long the token took to
 * reach it. A request for SQL (the pipeline's system prompt) is answered with reasoning tokens and a query; a request
 * for an analysis with narrative tokens and follow-up questions. One thread per stream, like a real provider's
 * connection.
 */
final class PacedLlmServer implements AutoCloseable {

    static final String STAMP_START = "~t";
    static final String STAMP_END = "~";

    enum Wire {
        ANTHROPIC,
        OPENAI
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "fake-llm-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Wire wire;
    private final long tokenNanos;
    private final int sqlTokens;
    private final int analysisTokens;
    private final String sql;
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile boolean closing;

    PacedLlmServer(Wire wire, int tokensPerSecond, int sqlTokens, int analysisTokens, String sql) throws IOException {
        this.wire = wire;
        this.tokenNanos = 1_000_000_000L / tokensPerSecond;
        this.sqlTokens = sqlTokens;
        this.analysisTokens = analysisTokens;
        this.sql = sql;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int streams() {
        return streams.get();
    }

    /** Streams that could not be written to the end (the client went away). */
    int failures() {
        return failures.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        boolean forSql = body.contains("translate questions about");
        streams.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().add("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        int count = forSql ? sqlTokens : analysisTokens;
        try (OutputStream out = exchange.getResponseBody()) {
            for (String event : opening()) {
                write(out, event);
            }
            long next = System.nanoTime();
            if (forSql) {
                write(out, text("<reasoning>"));
            }
            for (int i = 0; i < count && !closing; i++) {
                next += tokenNanos;
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                write(out, text(STAMP_START + System.nanoTime() + STAMP_END + " "));
            }
            if (forSql) {
                write(out, text("</reasoning>\n<sql>\n" + sql + "\n</sql>\n<chart>kpi</chart>"));
            } else {
                write(out, text("\n<follow_ups>\nHow many orders are there?\n</follow_ups>"));
            }
            for (String event : ending(count + 2)) {
                write(out, event);
            }
        } catch (IOException e) {
            failures.incrementAndGet();
        }
    }

    private List<String> opening() {
        List<String> events = new ArrayList<>();
        if (wire == Wire.ANTHROPIC) {
            events.add(AnthropicWire.messageStart(120));
            events.add(AnthropicWire.blockStart());
        } else {
            events.add(OpenAiWire.role());
        }
        return events;
    }

    private String text(String token) {
        return wire == Wire.ANTHROPIC ? AnthropicWire.textDelta(token) : OpenAiWire.content(token);
    }

    private List<String> ending(int outputTokens) {
        if (wire == Wire.ANTHROPIC) {
            return List.of(
                    AnthropicWire.blockStop(),
                    AnthropicWire.messageDelta("end_turn", outputTokens),
                    AnthropicWire.messageStop());
        }
        return List.of(OpenAiWire.finish("stop"), OpenAiWire.usage(120, outputTokens), OpenAiWire.done());
    }

    private static void write(OutputStream out, String event) throws IOException {
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() {
        closing = true;
        server.stop(0);
        threads.shutdownNow();
    }
}
