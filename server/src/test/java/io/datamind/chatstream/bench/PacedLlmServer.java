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
import java.util.PriorityQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fake Anthropic Messages or OpenAI Chat Completions server for load: every request gets a streamed answer in the
 * real wire format, one token every {@code 1/tokensPerSecond} seconds, each stamped with the {@link System#nanoTime()}
 * at which it is written to the socket ({@code ~t<nanos>~}), so the client can measure how long the token took to
 * reach it. A request for SQL (the pipeline's system prompt) is answered with reasoning tokens and a query; a request
 * for an analysis with narrative tokens and follow-up questions.
 */
final class PacedLlmServer implements AutoCloseable {

    static {
        // As real providers' servers do, and as FakeLlmServer does: with Nagle's algorithm on, the JDK's HTTP server
        // holds each small write (a token event) until the client's delayed ACK, about 40 ms, which the latency
        // figures would count. Read once, when the JVM's first HTTP server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    static final String STAMP_START = "~t";
    static final String STAMP_END = "~";

    enum Wire {
        ANTHROPIC,
        OPENAI
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4, runnable -> {
        Thread thread = new Thread(runnable, "fake-llm-request");
        thread.setDaemon(true);
        return thread;
    });
    private final ConcurrentLinkedQueue<Stream> incoming = new ConcurrentLinkedQueue<>();
    private final Thread pacer = new Thread(this::pace, "fake-llm-pacer");
    private final Wire wire;
    private final long tokenNanos;
    private final int sqlTokens;
    private final int analysisTokens;
    private final String sql;
    private final byte[] stampedBefore;
    private final byte[] stampedAfter;
    private final AtomicInteger streams = new AtomicInteger();
    private final AtomicInteger failures = new AtomicInteger();
    private volatile int mostAtOnce;
    private volatile boolean closing;

    PacedLlmServer(Wire wire, int tokensPerSecond, int sqlTokens, int analysisTokens, String sql) throws IOException {
        this.wire = wire;
        this.tokenNanos = 1_000_000_000L / tokensPerSecond;
        this.sqlTokens = sqlTokens;
        this.analysisTokens = analysisTokens;
        this.sql = sql;
        // A stamped token is the same event but for its digits: built once, so the fake costs little per token.
        String template = text(STAMP_START + "PLACEHOLDER" + STAMP_END + " ");
        int at = template.indexOf("PLACEHOLDER");
        this.stampedBefore = template.substring(0, at).getBytes(StandardCharsets.UTF_8);
        this.stampedAfter = template.substring(at + "PLACEHOLDER".length()).getBytes(StandardCharsets.UTF_8);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
        pacer.setDaemon(true);
        pacer.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    int streams() {
        return streams.get();
    }

    /** The most streams written at the same time since the last reset. */
    int mostAtOnce() {
        return mostAtOnce;
    }

    void resetMostAtOnce() {
        mostAtOnce = 0;
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
        OutputStream out = exchange.getResponseBody();
        StringBuilder head = new StringBuilder();
        opening().forEach(head::append);
        if (forSql) {
            head.append(text("<reasoning>"));
        }
        StringBuilder tail = new StringBuilder();
        tail.append(
                forSql
                        ? text("</reasoning>\n<sql>\n" + sql + "\n</sql>\n<chart>kpi</chart>")
                        : text("\n<follow_ups>\nHow many orders are there?\n</follow_ups>"));
        int count = forSql ? sqlTokens : analysisTokens;
        ending(count + 2).forEach(tail::append);
        try {
            write(out, head.toString());
        } catch (IOException e) {
            failures.incrementAndGet();
            out.close();
            return;
        }
        // The handler returns; the pacer writes the tokens and ends the response.
        incoming.add(new Stream(out, count, tail.toString().getBytes(StandardCharsets.UTF_8)));
        LockSupport.unpark(pacer);
    }

    /**
     * Writes every stream's tokens when they are due, on one thread: a thread per stream would be 500 more stacks
     * for the garbage collector to scan and 15,000 wake-ups a second, costs of the harness rather than of the
     * server under test. A token's stamp is taken just before its write, so any lag of the pacer is not counted.
     */
    private void pace() {
        PriorityQueue<Stream> due = new PriorityQueue<>((a, b) -> Long.compare(a.due, b.due));
        while (!closing) {
            for (Stream added = incoming.poll(); added != null; added = incoming.poll()) {
                due.add(added);
            }
            if (due.size() > mostAtOnce) {
                mostAtOnce = due.size();
            }
            Stream next = due.peek();
            long now = System.nanoTime();
            if (next == null || next.due > now) {
                LockSupport.parkNanos(next == null ? 1_000_000 : Math.min(next.due - now, 1_000_000));
                continue;
            }
            due.poll();
            try {
                if (next.step()) {
                    due.add(next);
                }
            } catch (IOException e) {
                failures.incrementAndGet();
                next.abandon();
            }
        }
    }

    /** One response being streamed. */
    private final class Stream {
        private final OutputStream out;
        private final byte[] tail;
        private int left;
        long due;

        Stream(OutputStream out, int tokens, byte[] tail) {
            this.out = out;
            this.tail = tail;
            this.left = tokens;
            this.due = System.nanoTime() + tokenNanos;
        }

        /** Writes the next token (and the end after the last); false when the response is complete. */
        boolean step() throws IOException {
            out.write(stampedBefore);
            out.write(Long.toString(System.nanoTime()).getBytes(StandardCharsets.US_ASCII));
            out.write(stampedAfter);
            if (--left > 0) {
                out.flush();
                due += tokenNanos;
                return true;
            }
            out.write(tail);
            out.close();
            return false;
        }

        void abandon() {
            try {
                out.close();
            } catch (IOException e) {
                // the client is gone already
            }
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
