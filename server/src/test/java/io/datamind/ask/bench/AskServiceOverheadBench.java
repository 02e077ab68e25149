package io.datamind.ask.bench;

import io.datamind.DataMindApplication;
import io.datamind.ask.AskCommand;
import io.datamind.ask.AskListener;
import io.datamind.ask.AskService;
import io.datamind.ask.ChatAnswer;
import io.datamind.auth.Caller;
import io.datamind.llm.CancellationToken;
import io.datamind.llm.LlmCompletion;
import io.datamind.llm.LlmProvider;
import io.datamind.llm.LlmRequest;
import io.datamind.llm.TokenListener;
import io.datamind.org.Role;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code ask-service-overhead} benchmark: the time {@code AskService.ask} itself takes per question (intake,
 * conversation, schema context, examples, prompt building, extraction, guard, chart, plain follow-ups, storing and
 * auditing the answer), that is the total time minus the provider's and the database's own time. It calls the service
 * directly, so it leaves out the provider client (Spring AI, HTTP, parsing the streamed events) and the REST and
 * WebSocket layers; {@link AskOverheadBench} measures the whole path. The provider is an in-process one that answers at
 * once, streaming a few tokens; the database is the Sample Sales DuckDB file; the result cache is off so every
 * question reaches the database. Run with {@code ./bench/run.sh ask-service-overhead}.
 */
public final class AskServiceOverheadBench {

    private static final int WARMUP = 300;
    private static final int MEASURED = 1000;
    private static final int TURNS_PER_SESSION = 8;

    private static final List<String> QUERIES = List.of(
            "SELECT status, COUNT(*) AS orders FROM orders GROUP BY status ORDER BY orders DESC",
            "SELECT channel, COUNT(*) AS orders FROM orders GROUP BY channel",
            "SELECT COUNT(*) AS customers FROM customers",
            "SELECT c.name AS category, COUNT(*) AS products FROM products p JOIN categories c"
                    + " ON c.category_id = p.category_id GROUP BY c.name ORDER BY products DESC");

    private AskServiceOverheadBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "bench/results/ask-service-overhead.json");
        Path dataDir = Files.createTempDirectory("datamind-ask-bench");
        InProcessProvider provider = new InProcessProvider();
        AtomicLong dbNanos = new AtomicLong();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DataMindApplication.class)
                .profiles("test")
                .initializers(context -> {
                    GenericApplicationContext generic = (GenericApplicationContext) context;
                    generic.registerBean("benchProvider", LlmProvider.class, () -> provider);
                    generic.registerBean(
                            "benchQueryTimer", BeanPostProcessor.class, () -> AskOverheadBench.timedRunner(dbNanos));
                })
                .run(
                        "--server.port=0",
                        "--datamind.data-dir=" + dataDir,
                        "--datamind.llm.provider=" + InProcessProvider.ID,
                        "--datamind.ask.result-cache-ttl=0",
                        "--datamind.rate-limit.enabled=false",
                        // 1,300 questions of 1,060 tokens would use up an organization's default monthly budget.
                        "--datamind.budget.default-monthly-tokens=1000000000",
                        "--logging.level.root=WARN");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            HttpApi api = new HttpApi(port);
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            String token = TestAccounts.token(api, owner).accessToken();
            UUID connection = UUID.fromString(TestConnections.sampleConnection(api, token));
            AskService asks = app.getBean(AskService.class);
            Caller caller = new Caller(owner.userId(), owner.orgId(), Role.ANALYST);

            for (int i = 0; i < WARMUP; i++) {
                ask(asks, caller, connection, i, null, provider, dbNanos);
            }
            double[] overhead = new double[MEASURED];
            double[] total = new double[MEASURED];
            double[] db = new double[MEASURED];
            UUID session = null;
            for (int i = 0; i < MEASURED; i++) {
                Sample sample = ask(asks, caller, connection, i, session, provider, dbNanos);
                session = (i + 1) % TURNS_PER_SESSION == 0 ? null : sample.sessionId();
                overhead[i] = sample.overheadMs();
                total[i] = sample.totalMs();
                db[i] = sample.dbMs();
            }
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("questions", MEASURED);
            figures.put("overhead_median_ms", percentile(overhead, 50));
            figures.put("overhead_p95_ms", percentile(overhead, 95));
            figures.put("overhead_p99_ms", percentile(overhead, 99));
            figures.put("total_median_ms", percentile(total, 50));
            figures.put("database_median_ms", percentile(db, 50));
            System.out.printf(
                    Locale.ROOT,
                    "ask-service-overhead: %d questions (result cache off, in-process provider, Sample Sales DuckDB)%n"
                            + "  pipeline overhead  median %.2f ms  p95 %.2f ms  p99 %.2f ms%n"
                            + "  whole question     median %.2f ms  (database median %.2f ms)%n",
                    MEASURED,
                    percentile(overhead, 50),
                    percentile(overhead, 95),
                    percentile(overhead, 99),
                    percentile(total, 50),
                    percentile(db, 50));
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(
                    out,
                    JsonMapper.builder()
                            .build()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(figures));
            System.out.printf(
                    Locale.ROOT, "median_ms=%.2f p95_ms=%.2f%n", percentile(overhead, 50), percentile(overhead, 95));
        } finally {
            app.close();
        }
    }

    private record Sample(UUID sessionId, double totalMs, double dbMs, double overheadMs) {}

    private static Sample ask(
            AskService asks,
            Caller caller,
            UUID connection,
            int i,
            UUID session,
            InProcessProvider provider,
            AtomicLong dbNanos) {
        provider.next = QUERIES.get(i % QUERIES.size());
        long providerBefore = provider.ownNanos.get();
        long dbBefore = dbNanos.get();
        long started = System.nanoTime();
        ChatAnswer answer = asks.ask(
                caller,
                new AskCommand(connection, "Question " + i + ": how are the orders split?", session, null),
                AskListener.NONE,
                new CancellationToken());
        long totalNanos = System.nanoTime() - started;
        if (!answer.status().equals("answered")) {
            throw new IllegalStateException("Question " + i + " was " + answer.status() + ": " + answer.message());
        }
        long providerNanos = provider.ownNanos.get() - providerBefore;
        long db = dbNanos.get() - dbBefore;
        return new Sample(answer.sessionId(), totalNanos / 1e6, db / 1e6, (totalNanos - providerNanos - db) / 1e6);
    }

    /** Answers at once; its own time excludes the time the pipeline spends receiving its tokens. */
    private static final class InProcessProvider implements LlmProvider {

        static final String ID = "in-process";

        final AtomicLong ownNanos = new AtomicLong();
        volatile String next = QUERIES.get(0);

        @Override
        public String id() {
            return ID;
        }

        @Override
        public LlmCompletion complete(LlmRequest request, TokenListener listener, CancellationToken cancel) {
            long started = System.nanoTime();
            long inListener = 0;
            boolean analysis = request.system().contains("<follow_ups>");
            String text = analysis
                    ? "Delivered orders lead the count, ahead of shipped ones.\n<follow_ups>\n- And by month?\n"
                            + "- Which channel grows fastest?\n</follow_ups>"
                    : "<reasoning>Counting the orders per group.</reasoning>\n<sql>\n" + next + "\n</sql>\n"
                            + "<chart>bar</chart>";
            for (String token : text.split("(?<= )")) {
                long before = System.nanoTime();
                listener.onToken(token);
                inListener += System.nanoTime() - before;
            }
            ownNanos.addAndGet(System.nanoTime() - started - inListener);
            return new LlmCompletion(text, 1000, 60, "in-process-model", "stop");
        }
    }

    private static double percentile(double[] values, int p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
