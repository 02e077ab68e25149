package io.datamind.chatstream.bench;

import io.datamind.DataMindApplication;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * 500 concurrent WebSocket conversations, each streaming from a fake provider at 30 tokens per second.
 *
 * <p>Starts the whole application in process (test profile: embedded H2, the sample database) with a fake Anthropic
 * (or, with {@code -Dbench.wire=openai}, OpenAI) server as the instance's provider, so the real Spring AI client and
 * the whole pipeline are measured. Each conversation is its own socket and asks one question: the model streams its
 * reasoning (60 tokens), the query runs, the model streams its analysis (240 tokens), about 10 s in all; the
 * conversations start evenly over 5 s, so all 500 stream at once for several seconds. Every token carries the {@code
 * System.nanoTime()} at which the fake server wrote it; the client takes the difference when the token event arrives.
 * Two unmeasured rounds come first, so the JIT has compiled the per-question code (SQL parser, H2, prompts) as in a
 * server that has been running. Prints the latency percentiles, where the CPU went and the errors (an error event, an
 * answer that is not "answered", a missing token, a socket that closed or never finished), ends with {@code
 * conversations=.. errors=.. p50_ms=.. p99_ms=..} and writes the figures to the results file.
 */
public final class WsConversationsBench {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final int CONVERSATIONS = Integer.getInteger("bench.conversations", 500);
    private static final int TOKENS_PER_SECOND = Integer.getInteger("bench.tokens-per-second", 30);
    private static final int SQL_TOKENS = Integer.getInteger("bench.sql-tokens", 60);
    private static final int ANALYSIS_TOKENS = Integer.getInteger("bench.analysis-tokens", 240);
    private static final Duration RAMP = Duration.ofMillis(Long.getLong("bench.ramp-ms", 5000));
    private static final int WARM_UP_ROUNDS = Integer.getInteger("bench.warm-up-rounds", 2);
    private static final Duration TIMEOUT = Duration.ofSeconds(120);
    private static final String SQL = "SELECT count(*) AS customers FROM customers";
    private static double loadBefore;

    private WsConversationsBench() {}

    public static void main(String[] args) throws Exception {
        // What the rest of the machine was doing, before this benchmark adds its own load.
        loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/ws-conversations.json");
        PacedLlmServer.Wire wire = PacedLlmServer.Wire.valueOf(
                System.getProperty("bench.wire", "anthropic").toUpperCase());
        int exit;
        try (PacedLlmServer provider = new PacedLlmServer(wire, TOKENS_PER_SECOND, SQL_TOKENS, ANALYSIS_TOKENS, SQL)) {
            ConfigurableApplicationContext app = start(provider, wire);
            try {
                exit = run(app, provider, wire, out);
            } finally {
                app.close();
            }
        }
        System.exit(exit);
    }

    private static ConfigurableApplicationContext start(PacedLlmServer provider, PacedLlmServer.Wire wire) {
        String prefix = "datamind.llm." + wire.name().toLowerCase();
        // As command-line arguments, which outrank application.yml (default properties would not).
        return new SpringApplicationBuilder(DataMindApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--datamind.llm.provider=" + wire.name().toLowerCase(),
                        "--" + prefix + ".base-url=" + provider.baseUrl(),
                        "--" + prefix + ".api-key=bench-key",
                        // A thousand questions would use half of an organization's default monthly budget.
                        "--datamind.budget.default-monthly-tokens=1000000000",
                        "--logging.level.root=WARN",
                        "--logging.level.datamind.access=WARN");
    }

    private static int run(
            ConfigurableApplicationContext app, PacedLlmServer provider, PacedLlmServer.Wire wire, Path out)
            throws Exception {
        int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = TestConnections.sampleConnection(api, token);
        HttpClient client = HttpClient.newHttpClient();

        System.out.printf(
                "ws-conversations: %d conversations, %d tokens/s, %d + %d tokens each, %s wire, ramp %d ms%n",
                CONVERSATIONS, TOKENS_PER_SECOND, SQL_TOKENS, ANALYSIS_TOKENS, wire, RAMP.toMillis());
        // Warm-up, not measured: the JIT compiles the hot paths, the pools and the result cache fill.
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            round(client, port, token, connection, CONVERSATIONS, RAMP);
            System.out.printf(
                    "warm-up round %d done; heap in use after a full collection: %d MB%n", i + 1, liveHeapMb());
        }
        provider.resetMostAtOnce();

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpuBefore = os.getProcessCpuTime();
        Map<Long, Long> threadCpuBefore = threadCpu();
        long gcBefore = gcMillis();
        long jitBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long classesBefore = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        long started = System.nanoTime();
        List<Conversation> conversations = round(client, port, token, connection, CONVERSATIONS, RAMP);
        double seconds = (System.nanoTime() - started) / 1e9;
        double cpuSeconds = (os.getProcessCpuTime() - cpuBefore) / 1e9;
        long liveAfter = liveHeapMb();
        Map<String, Double> cpuByThreads = cpuByThreadGroup(threadCpuBefore);
        double gcSeconds = (gcMillis() - gcBefore) / 1e3;
        double jitSeconds = (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - jitBefore) / 1e3;

        List<String> errors = new ArrayList<>();
        int totalTokens = 0;
        for (Conversation conversation : conversations) {
            totalTokens += conversation.latencies.size();
            conversation.error().ifPresent(error -> errors.add("conversation " + conversation.index + ": " + error));
        }
        long[] latencies = new long[totalTokens];
        int at = 0;
        for (Conversation conversation : conversations) {
            for (Long nanos : conversation.latencies) {
                latencies[at++] = nanos;
            }
        }
        Arrays.sort(latencies);
        double p50 = percentile(latencies, 0.50);
        double p90 = percentile(latencies, 0.90);
        double p99 = percentile(latencies, 0.99);
        double max = latencies.length == 0 ? Double.NaN : latencies[latencies.length - 1] / 1e6;

        System.out.printf(
                "tokens measured: %d in %.1f s (%.0f tokens/s through the server)%n",
                totalTokens, seconds, totalTokens / seconds);
        System.out.printf(
                "provider streams: %d, at most %d at once in the measured round, cut short: %d%n",
                provider.streams(), provider.mostAtOnce(), provider.failures());
        System.out.printf(
                "CPU of this process (server, fake provider and clients): %.1f s, %.0f µs per token;"
                        + " machine load average %.1f before the benchmark started, %.1f after the round, on %d"
                        + " cores%n",
                cpuSeconds,
                totalTokens == 0 ? 0 : cpuSeconds * 1e6 / totalTokens,
                loadBefore,
                os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        System.out.printf(
                "garbage collection pauses: %.1f s in total; JIT compilation: %.1f s; classes loaded: %d%n",
                gcSeconds,
                jitSeconds,
                ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount() - classesBefore);
        System.out.println(
                "CPU seconds by thread group (threads that ended during the run are missing): " + cpuByThreads);
        System.out.printf("token latency ms: p50 %.1f  p90 %.1f  p99 %.1f  max %.1f%n", p50, p90, p99, max);
        System.out.printf("heap in use after a full collection: %d MB%n", liveAfter);
        System.out.println("errors: " + errors.size());
        errors.stream().limit(20).forEach(error -> System.out.println("  " + error));

        ObjectNode root = JSON.createObjectNode();
        root.put("conversations", CONVERSATIONS);
        root.put("tokensPerSecond", TOKENS_PER_SECOND);
        root.put("sqlTokens", SQL_TOKENS);
        root.put("analysisTokens", ANALYSIS_TOKENS);
        root.put("wire", wire.name().toLowerCase());
        root.put("rampMs", RAMP.toMillis());
        root.put("warmUpRounds", WARM_UP_ROUNDS);
        root.put("mostStreamsAtOnce", provider.mostAtOnce());
        root.put("tokensMeasured", totalTokens);
        root.put("seconds", seconds);
        root.put("cpuSeconds", cpuSeconds);
        root.put("loadAverageBefore", loadBefore);
        root.put("loadAverageAfter", os.getSystemLoadAverage());
        root.put("gcPauseSeconds", gcSeconds);
        root.put("jitSeconds", jitSeconds);
        root.set("cpuSecondsByThreads", JSON.valueToTree(cpuByThreads));
        root.put("errors", errors.size());
        root.put("p50Ms", p50);
        root.put("p90Ms", p90);
        root.put("p99Ms", p99);
        root.put("maxMs", max);
        root.set("errorList", JSON.valueToTree(errors));
        JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        System.out.println("results: " + out.toAbsolutePath());
        System.out.printf(
                "conversations=%d errors=%d p50_ms=%.1f p99_ms=%.1f%n", CONVERSATIONS, errors.size(), p50, p99);
        return 0;
    }

    /** Opens the sockets, starts the questions spread over the ramp, and waits for every answer. */
    private static List<Conversation> round(
            HttpClient client, int port, String token, String connection, int count, Duration ramp)
            throws InterruptedException {
        CountDownLatch done = new CountDownLatch(count);
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            conversations.add(new Conversation(i, done));
        }
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (Conversation conversation : conversations) {
            opening.add(client.newWebSocketBuilder()
                    .header("Authorization", "Bearer " + token)
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"), conversation)
                    .whenComplete((socket, failure) -> conversation.opened(socket, failure)));
        }
        CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null)
                .join();
        ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor();
        long step = count > 1 ? ramp.toNanos() / (count - 1) : 0;
        for (Conversation conversation : conversations) {
            starter.schedule(() -> conversation.ask(connection), conversation.index * step, TimeUnit.NANOSECONDS);
        }
        boolean finished = done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        starter.shutdownNow();
        for (Conversation conversation : conversations) {
            if (!finished) {
                conversation.timeOut();
            }
            conversation.close();
        }
        return conversations;
    }

    /** The heap the application really holds: measured after a full collection, which the next round starts from. */
    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static long gcMillis() {
        long total = 0;
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            // G1's concurrent cycle is counted apart; only pauses stop the streams.
            if (!collector.getName().contains("Concurrent")) {
                total += Math.max(0, collector.getCollectionTime());
            }
        }
        return total;
    }

    private static Map<Long, Long> threadCpu() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            cpu.put(id, threads.getThreadCpuTime(id));
        }
        return cpu;
    }

    /** CPU each group of threads (named alike but for their numbers) used since the snapshot, largest first. */
    private static Map<String, Double> cpuByThreadGroup(Map<Long, Long> before) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        Map<String, Double> groups = new java.util.HashMap<>();
        for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long now = threads.getThreadCpuTime(info.getThreadId());
            long used = now - before.getOrDefault(info.getThreadId(), 0L);
            String group = info.getThreadName().replaceAll("\\d+", "N");
            groups.merge(group, used / 1e9, Double::sum);
        }
        Map<String, Double> sorted = new LinkedHashMap<>();
        groups.entrySet().stream()
                .filter(entry -> entry.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), Math.round(entry.getValue() * 10) / 10.0));
        return sorted;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1e6;
    }

    /** One socket, one question: records each token's latency and how the question ended. */
    private static final class Conversation implements WebSocket.Listener {

        final int index;
        final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        private final CountDownLatch done;
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile String error;
        private volatile boolean finished;

        Conversation(int index, CountDownLatch done) {
            this.index = index;
            this.done = done;
        }

        void opened(WebSocket opened, Throwable failure) {
            if (failure != null) {
                end("the socket did not open: " + failure);
            } else {
                socket = opened;
            }
        }

        void ask(String connection) {
            if (socket == null || finished) {
                return;
            }
            Map<String, String> ask = new LinkedHashMap<>();
            ask.put("type", "ask");
            ask.put("requestId", "c" + index);
            ask.put("connectionId", connection);
            ask.put("question", "How many customers are there? (conversation " + index + ")");
            socket.sendText(JSON.writeValueAsString(ask), true);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            long arrived = System.nanoTime();
            partial.append(data);
            if (last) {
                String message = partial.toString();
                partial.setLength(0);
                receive(message, arrived);
            }
            webSocket.request(1);
            return null;
        }

        private void receive(String message, long arrived) {
            int stamp = message.indexOf(PacedLlmServer.STAMP_START);
            if (stamp >= 0 && message.contains("\"type\":\"token\"")) {
                int from = stamp + PacedLlmServer.STAMP_START.length();
                int to = message.indexOf(PacedLlmServer.STAMP_END, from);
                latencies.add(arrived - Long.parseLong(message.substring(from, to)));
                return;
            }
            JsonNode event = JSON.readTree(message);
            String type = event.path("type").asString("");
            if (type.equals("error")) {
                end("error event " + event.path("problem"));
            } else if (type.equals("chat_response")) {
                if (!event.path("status").asString("").equals("answered")) {
                    end("answer " + event.path("status").asString() + ": "
                            + event.path("message").asString(""));
                } else if (latencies.size() != SQL_TOKENS + ANALYSIS_TOKENS) {
                    end("received " + latencies.size() + " of " + (SQL_TOKENS + ANALYSIS_TOKENS) + " tokens");
                } else {
                    end(null);
                }
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            end("the server closed the socket: " + statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable failure) {
            end("socket failed: " + failure);
        }

        void timeOut() {
            end("no answer within " + TIMEOUT.toSeconds() + " s");
        }

        private synchronized void end(String failure) {
            if (finished) {
                return;
            }
            finished = true;
            error = failure;
            done.countDown();
        }

        java.util.Optional<String> error() {
            return java.util.Optional.ofNullable(error);
        }

        void close() {
            WebSocket open = socket;
            if (open != null) {
                open.abort();
            }
        }
    }
}
