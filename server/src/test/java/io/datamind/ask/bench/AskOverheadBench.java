package io.datamind.ask.bench;

import io.datamind.DataMindApplication;
import io.datamind.query.QueryRunner;
import io.datamind.support.AnthropicWire;
import io.datamind.support.ChatSocketClient;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.OpenAiWire;
import io.datamind.support.SseClient;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ask-overhead} benchmark: the pipeline's own time per question on the whole path a client uses, that is
 * everything except the model's and the database's own time.
 *
 * <p>Starts the application in process (test profile, embedded H2, a temporary data directory, Sample Sales on DuckDB,
 * result cache off so every question reaches the database). A fake provider ({@link FakeLlmServer}) speaks the real
 * Anthropic Messages streaming format ({@code -Dbench.wire=openai}: OpenAI Chat Completions) and answers at once with
 * a fixed SQL answer and a fixed analysis, usage included; the organization's AI settings point at it, so every
 * question goes through the organization's settings, the Spring AI client over HTTP and the parsing of the streamed
 * events. Questions are sent in turn over REST ({@code POST /api/v1/chat/messages}), the WebSocket ({@code /ws}, one
 * socket for the run, like a browser tab) and server-sent events ({@code POST /api/v1/chat/messages/stream}), in
 * conversations of 8 turns per transport, so prompts carry history.
 *
 * <p>Per question, overhead = the client's wall time (request sent to answer parsed) − the fake provider's time (its
 * handler's wall time for the question's two requests, reading the request and writing the answer) − the database's
 * time (inside {@code QueryRunner.execute}, timed by a proxy around the runner: the answer's {@code timings.execute}
 * is in whole milliseconds, too coarse next to a 1 ms query). What the fake provider's HTTP server does before its
 * handler runs (accepting, parsing the request line and headers) stays in the overhead; its Nagle's algorithm is
 * switched off, as on real providers' servers. Prints median, p95 and p99 per transport, the answer's own stage
 * timings (medians) to show where the time goes, and ends with {@code key=value} figures. Run with {@code
 * ./bench/run.sh ask-overhead}.
 */
public final class AskOverheadBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<LinkedHashMap<String, Long>> STAGES = new TypeReference<>() {};

    private static final int WARMUP = Integer.getInteger("bench.warmup", 200);
    private static final int MEASURED = Integer.getInteger("bench.questions", 1000);
    private static final int TURNS_PER_SESSION = 8;

    private static final List<String> QUERIES = List.of(
            "SELECT status, COUNT(*) AS orders FROM orders GROUP BY status ORDER BY orders DESC",
            "SELECT channel, COUNT(*) AS orders FROM orders GROUP BY channel",
            "SELECT COUNT(*) AS customers FROM customers",
            "SELECT c.name AS category, COUNT(*) AS products FROM products p JOIN categories c"
                    + " ON c.category_id = p.category_id GROUP BY c.name ORDER BY products DESC");

    private static final String ANALYSIS = "Delivered orders lead the count, ahead of shipped ones; cancelled orders"
            + " are a small share.\n<follow_ups>\n- And by month?\n- Which channel grows fastest?\n</follow_ups>";

    enum Wire {
        ANTHROPIC,
        OPENAI
    }

    enum Transport {
        REST,
        WEBSOCKET,
        SSE
    }

    private AskOverheadBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/ask-overhead.json");
        Wire wire = Wire.valueOf(System.getProperty("bench.wire", "anthropic").toUpperCase(Locale.ROOT));
        Path dataDir = Files.createTempDirectory("datamind-ask-bench");
        AtomicLong dbNanos = new AtomicLong();
        try (FakeLlmServer provider = FakeLlmServer.start()) {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(DataMindApplication.class)
                    .profiles("test")
                    .initializers(context -> ((GenericApplicationContext) context)
                            .registerBean("benchQueryTimer", BeanPostProcessor.class, () -> timedRunner(dbNanos)))
                    .run(
                            "--server.port=0",
                            "--datamind.data-dir=" + dataDir,
                            "--datamind.ask.result-cache-ttl=0",
                            "--datamind.rate-limit.enabled=false",
                            // Two thousand and more questions would use an organization's default monthly budget.
                            "--datamind.budget.default-monthly-tokens=1000000000",
                            "--logging.level.root=WARN",
                            "--logging.level.datamind.access=WARN");
            try {
                run(app, provider, wire, dbNanos, out);
            } finally {
                app.close();
            }
        }
    }

    private static void run(
            ConfigurableApplicationContext app, FakeLlmServer provider, Wire wire, AtomicLong dbNanos, Path out)
            throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        pointAiSettingsAt(api, token, provider, wire);
        String connection = TestConnections.sampleConnection(api, token);

        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of("Authorization", "Bearer " + token))) {
            Asker asker = new Asker(api, port, token, connection, socket, provider, wire, dbNanos);
            for (int i = 0; i < WARMUP; i++) {
                for (Transport transport : Transport.values()) {
                    asker.ask(transport, i);
                }
            }
            asker.resetSessions();
            Map<Transport, List<Sample>> samples = new LinkedHashMap<>();
            double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            // Interleaved, so the shared machine's load falls on every transport alike.
            for (int i = 0; i < MEASURED; i++) {
                for (Transport transport : Transport.values()) {
                    samples.computeIfAbsent(transport, t -> new ArrayList<>()).add(asker.ask(transport, i));
                }
            }
            double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
            report(samples, wire, loadBefore, loadAfter, out);
        }
    }

    private static void report(
            Map<Transport, List<Sample>> samples, Wire wire, double loadBefore, double loadAfter, Path out)
            throws Exception {
        System.out.printf(
                Locale.ROOT,
                "ask-overhead: %d questions per transport (after %d warm-up rounds), fake %s provider answering at"
                        + " once over HTTP, Sample Sales DuckDB, result cache off; load average %.1f before, %.1f after"
                        + " on %d cores%n",
                MEASURED,
                WARMUP,
                wire.name().toLowerCase(Locale.ROOT),
                loadBefore,
                loadAfter,
                Runtime.getRuntime().availableProcessors());
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("wire", wire.name().toLowerCase(Locale.ROOT));
        figures.put("questionsPerTransport", MEASURED);
        figures.put("warmUpRounds", WARMUP);
        figures.put("loadAverageBefore", loadBefore);
        figures.put("loadAverageAfter", loadAfter);
        StringBuilder keys = new StringBuilder();
        for (Map.Entry<Transport, List<Sample>> entry : samples.entrySet()) {
            String name = entry.getKey().name().toLowerCase(Locale.ROOT);
            List<Sample> list = entry.getValue();
            double[] overhead = list.stream().mapToDouble(Sample::overheadMs).toArray();
            double[] total = list.stream().mapToDouble(Sample::totalMs).toArray();
            double[] fake = list.stream().mapToDouble(Sample::providerMs).toArray();
            double[] db = list.stream().mapToDouble(Sample::dbMs).toArray();
            double[] serverTotal =
                    list.stream().mapToDouble(Sample::serverTotalMs).toArray();
            System.out.printf(
                    Locale.ROOT,
                    "  %-9s overhead median %6.2f ms  p95 %6.2f ms  p99 %6.2f ms | whole question median %6.2f ms"
                            + " (fake provider %.2f ms, database %.2f ms; server's own timings.total %.0f ms)%n",
                    name,
                    percentile(overhead, 50),
                    percentile(overhead, 95),
                    percentile(overhead, 99),
                    percentile(total, 50),
                    percentile(fake, 50),
                    percentile(db, 50),
                    percentile(serverTotal, 50));
            Map<String, Double> stages = new LinkedHashMap<>();
            for (String stage : list.get(0).stages().keySet()) {
                stages.put(
                        stage,
                        percentile(
                                list.stream()
                                        .mapToDouble(sample -> sample.stages().getOrDefault(stage, 0L))
                                        .toArray(),
                                50));
            }
            System.out.println("            the answer's timings, median ms per stage: " + stages);
            Map<String, Object> perTransport = new LinkedHashMap<>();
            perTransport.put("overheadMedianMs", percentile(overhead, 50));
            perTransport.put("overheadP95Ms", percentile(overhead, 95));
            perTransport.put("overheadP99Ms", percentile(overhead, 99));
            perTransport.put("totalMedianMs", percentile(total, 50));
            perTransport.put("fakeProviderMedianMs", percentile(fake, 50));
            perTransport.put("databaseMedianMs", percentile(db, 50));
            perTransport.put("serverTimingsTotalMedianMs", percentile(serverTotal, 50));
            perTransport.put("serverTimingsMedianMs", stages);
            figures.put(name, perTransport);
            keys.append(String.format(
                    Locale.ROOT,
                    "%s_median_ms=%.2f %s_p95_ms=%.2f ",
                    name,
                    percentile(overhead, 50),
                    name,
                    percentile(overhead, 95)));
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(figures));
        System.out.println(keys.toString().trim());
    }

    /**
     * @param serverTotalMs the answer's own {@code timings.total}, the pipeline's clock, for comparison
     */
    private record Sample(
            double totalMs, double providerMs, double dbMs, double serverTotalMs, Map<String, Long> stages) {

        double overheadMs() {
            return totalMs - providerMs - dbMs;
        }
    }

    /** Asks one question over a transport and takes the time apart. */
    private static final class Asker {

        private final HttpApi api;
        private final int port;
        private final String token;
        private final String connection;
        private final ChatSocketClient socket;
        private final FakeLlmServer provider;
        private final Wire wire;
        private final AtomicLong dbNanos;
        private final Map<Transport, String> sessions = new LinkedHashMap<>();
        private final Map<Transport, Integer> turns = new LinkedHashMap<>();
        private int requestIds;

        Asker(
                HttpApi api,
                int port,
                String token,
                String connection,
                ChatSocketClient socket,
                FakeLlmServer provider,
                Wire wire,
                AtomicLong dbNanos) {
            this.api = api;
            this.port = port;
            this.token = token;
            this.connection = connection;
            this.socket = socket;
            this.provider = provider;
            this.wire = wire;
            this.dbNanos = dbNanos;
        }

        void resetSessions() {
            sessions.clear();
            turns.clear();
        }

        Sample ask(Transport transport, int i) {
            String sql = QUERIES.get(i % QUERIES.size());
            provider.enqueue(sqlReply(sql), analysisReply());
            int requestsBefore = provider.requestCount();
            String session = sessions.get(transport);
            String question = "Question " + i + ": how are the orders split?";
            long providerBefore = provider.handlingNanos();
            long dbBefore = dbNanos.get();
            long started = System.nanoTime();
            JsonNode answer = switch (transport) {
                case REST -> rest(question, session);
                case WEBSOCKET -> webSocket(question, session);
                case SSE -> sse(question, session);
            };
            long totalNanos = System.nanoTime() - started;
            long providerNanos = provider.handlingNanos() - providerBefore;
            long db = dbNanos.get() - dbBefore;
            if (!answer.path("status").asString("").equals("answered")) {
                throw new IllegalStateException(transport + " question " + i + " was not answered: " + answer);
            }
            if (provider.requestCount() - requestsBefore != 2) {
                throw new IllegalStateException(transport + " question " + i + " made "
                        + (provider.requestCount() - requestsBefore) + " provider requests instead of 2");
            }
            if (answer.path("tokens").path("analysis").path("output").asLong() != 31) {
                throw new IllegalStateException("the usage figures were not read: " + answer.path("tokens"));
            }
            int turn = turns.merge(transport, 1, Integer::sum);
            if (turn % TURNS_PER_SESSION == 0) {
                sessions.remove(transport);
            } else {
                sessions.put(transport, answer.get("sessionId").asString());
            }
            return new Sample(
                    totalNanos / 1e6,
                    providerNanos / 1e6,
                    db / 1e6,
                    answer.path("timings").path("total").asDouble(),
                    JSON.convertValue(answer.path("timings"), STAGES));
        }

        private JsonNode rest(String question, String session) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("connectionId", connection);
            body.put("question", question);
            body.put("sessionId", session);
            HttpApi.Response response = api.request("POST", "/api/v1/chat/messages")
                    .bearer(token)
                    .json(body)
                    .send();
            if (response.status() != 200) {
                throw new IllegalStateException(response.toString());
            }
            return response.json();
        }

        private JsonNode webSocket(String question, String session) {
            String requestId = "q" + (++requestIds);
            Map<String, Object> ask = new LinkedHashMap<>();
            ask.put("type", "ask");
            ask.put("requestId", requestId);
            ask.put("connectionId", connection);
            ask.put("question", question);
            if (session != null) {
                ask.put("sessionId", session);
            }
            socket.send(ask);
            List<JsonNode> messages = socket.answerTo(requestId, Duration.ofSeconds(60));
            JsonNode last = messages.get(messages.size() - 1);
            if (!last.path("type").asString("").equals("chat_response")) {
                throw new IllegalStateException("the socket answered " + last);
            }
            return last;
        }

        private JsonNode sse(String question, String session) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("connectionId", connection);
            body.put("question", question);
            body.put("sessionId", session);
            try (SseClient stream = SseClient.post(
                    port, "/api/v1/chat/messages/stream", Map.of("Authorization", "Bearer " + token), body)) {
                if (stream.status() != 200) {
                    throw new IllegalStateException(
                            "the stream answered " + stream.status() + ": " + stream.bodyText());
                }
                for (SseClient.Event event = stream.next(); event != null; event = stream.next()) {
                    if (event.name().equals("chat_response")) {
                        return event.data();
                    }
                    if (event.name().equals("error")) {
                        throw new IllegalStateException("the stream ended with " + event.data());
                    }
                }
                throw new IllegalStateException("the stream ended without an answer");
            }
        }

        private Reply sqlReply(String sql) {
            String text = "<reasoning>Counting the orders per group.</reasoning>\n<sql>\n" + sql
                    + "\n</sql>\n<chart>bar</chart>";
            return stream(text, 1200, 64);
        }

        private Reply analysisReply() {
            return stream(ANALYSIS, 450, 31);
        }

        /** The text as one streamed answer, a token per word, with these usage figures. */
        private Reply stream(String text, int input, int output) {
            String[] tokens = text.split("(?<= )");
            return Reply.sse(
                    wire == Wire.ANTHROPIC
                            ? AnthropicWire.answer(input, output, tokens)
                            : OpenAiWire.answer(input, output, tokens));
        }
    }

    private static void pointAiSettingsAt(HttpApi api, String token, FakeLlmServer provider, Wire wire) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", wire.name().toLowerCase(Locale.ROOT));
        body.put("baseUrl", provider.baseUrl());
        body.put("apiKey", "bench-key");
        HttpApi.Response response = api.request("PUT", "/api/v1/org/ai-settings")
                .bearer(token)
                .json(body)
                .send();
        if (response.status() != 200) {
            throw new IllegalStateException("the AI settings were refused: " + response);
        }
    }

    /** Times every query the runner executes, from the call to the returned result. */
    static BeanPostProcessor timedRunner(AtomicLong nanos) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof QueryRunner runner)) {
                    return bean;
                }
                return Proxy.newProxyInstance(
                        QueryRunner.class.getClassLoader(), new Class<?>[] {QueryRunner.class}, (proxy, method, a) -> {
                            boolean timed = method.getName().equals("execute");
                            long started = System.nanoTime();
                            try {
                                return method.invoke(runner, a);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            } finally {
                                if (timed) {
                                    nanos.addAndGet(System.nanoTime() - started);
                                }
                            }
                        });
            }
        };
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
