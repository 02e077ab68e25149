package io.datamind.query;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.datamind.DataMindApplication;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Query runner overhead on PostgreSQL, end to end: a 100,000-row, 10-column table read (a) with plain JDBC and
 * serialized by Jackson into a counting sink, and (b) through the real server, {@code POST /api/v1/query} with a real
 * token over HTTP, the response body read fully and discarded. (c) is the runner's streaming API in-process into the
 * same serializer as (a), to tell the runner's share from HTTP's. Runs are interleaved; prints the ratio of medians
 * b/a (target at most 1.5).
 *
 * <p>The server runs in this JVM, so its memory is sampled here every 10 ms during the HTTP runs: heap used, heap used
 * after each garbage collection (the live data, which a collected result would grow) and RSS. The same is done for a
 * 400,000-row response: bounded memory means those peaks do not grow with the result. Run with {@code ./bench/run.sh
 * query-runner}.
 */
public final class QueryRunnerBench {

    private static final int ROWS = 100_000;
    private static final int LARGE_ROWS = 400_000;
    private static final int WARMUP = 3;
    private static final int ITERATIONS = 10;
    private static final int LARGE_ITERATIONS = 5;
    private static final String SQL = "SELECT * FROM bench ORDER BY id";
    private static final String LARGE_SQL = "SELECT * FROM bench_large ORDER BY id";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final long MB = 1024 * 1024;

    private QueryRunnerBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/query-runner.json");
        String database = TestServices.createPostgresDatabase("runner_bench");
        DataSourceTarget target = RunnerFixtures.postgres(database);
        RunnerFixtures.exec(
                target, table("bench", ROWS), "ANALYZE bench", table("bench_large", LARGE_ROWS), "ANALYZE bench_large");

        SpringApplication application = new SpringApplication(DataMindApplication.class);
        application.setAdditionalProfiles("test");
        ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--datamind.rate-limit.enabled=false",
                // The 400,000-row response is about 70 MB of JSON: above the default 64 MB byte limit.
                "--datamind.query.max-bytes=1GB",
                "--datamind.query.default-timeout=120s",
                "--logging.level.root=WARN",
                "--logging.level.io.datamind=WARN",
                "--logging.level.datamind.access=WARN");
        PooledQueryRunner runner = RunnerFixtures.runner();
        QueryLimits limits = runner.defaultLimits()
                .withMaxRows(ROWS)
                .withMaxBytes(Long.MAX_VALUE)
                .withTimeout(Duration.ofSeconds(300));
        MemoryWatch memory = new MemoryWatch();
        // One connection for every plain read, as the runner's pool keeps its connections: only reading differs.
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), TestServices.PG_USER, "")) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            HttpApi api = new HttpApi(port);
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            String token = TestAccounts.token(api, owner).accessToken();
            String connectionId = TestConnections.createPostgres(api, token, "Bench", database);
            TestConnections.awaitSchema(api, token, connectionId);
            HttpQuery http = new HttpQuery(port, token, connectionId);

            List<Long> plain = new ArrayList<>();
            List<Long> viaHttp = new ArrayList<>();
            List<Long> viaRunner = new ArrayList<>();
            long plainBytes = 0;
            long httpBytes = 0;
            long runnerBytes = 0;
            MemoryWatch.Peak small = null;
            for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                if (i == WARMUP) {
                    // Measure the HTTP runs only, from a collected heap; the other paths run between them.
                    small = memory.start();
                }
                CountingStream a = new CountingStream();
                long t0 = System.nanoTime();
                plainJdbc(connection, a);
                long t1 = System.nanoTime();
                if (small != null) {
                    memory.resume(small);
                }
                httpBytes = http.run(SQL, ROWS);
                long t2 = System.nanoTime();
                memory.pause();
                CountingStream c = new CountingStream();
                throughRunner(runner, target, limits, c);
                long t3 = System.nanoTime();
                if (i >= WARMUP) {
                    plain.add(t1 - t0);
                    viaHttp.add(t2 - t1);
                    viaRunner.add(t3 - t2);
                }
                plainBytes = a.count;
                runnerBytes = c.count;
            }
            MemoryWatch.Peak large = memory.start();
            long largeBytes = 0;
            List<Long> largeRuns = new ArrayList<>();
            for (int i = 0; i < LARGE_ITERATIONS; i++) {
                long t0 = System.nanoTime();
                largeBytes = http.run(LARGE_SQL, LARGE_ROWS);
                largeRuns.add(System.nanoTime() - t0);
            }
            memory.pause();
            // For contrast, what the endpoint did before it streamed: collect every row, then serialize.
            MemoryWatch.Peak collected = memory.start();
            QueryResult all = runner.execute(target, LARGE_SQL, limits.withMaxRows(LARGE_ROWS));
            try (JsonGenerator json = MAPPER.createGenerator(new CountingStream())) {
                json.writePOJO(all);
            }
            memory.pause();
            if (all.rowCount() != LARGE_ROWS) {
                throw new IllegalStateException("Expected " + LARGE_ROWS + " rows, got " + all.rowCount());
            }
            all = null;

            double a = median(plain) / 1e6;
            double b = median(viaHttp) / 1e6;
            double c = median(viaRunner) / 1e6;
            double ratio = b / a;
            System.out.printf(
                    Locale.ROOT, "rows=%d columns=10 iterations=%d (after %d warm-up)%n", ROWS, ITERATIONS, WARMUP);
            System.out.printf(
                    Locale.ROOT,
                    "(a) plain JDBC + Jackson:            median %7.1f ms, %,d bytes of JSON%n",
                    a,
                    plainBytes);
            System.out.printf(
                    Locale.ROOT,
                    "(b) POST /api/v1/query over HTTP:    median %7.1f ms, %,d bytes of JSON%n",
                    b,
                    httpBytes);
            System.out.printf(
                    Locale.ROOT,
                    "(c) QueryRunner stream + Jackson:    median %7.1f ms, %,d bytes of JSON (no HTTP)%n",
                    c,
                    runnerBytes);
            System.out.printf(Locale.ROOT, "ratio b/a = %.2f (target <= 1.50), c/a = %.2f%n", ratio, c / a);
            System.out.printf(
                    Locale.ROOT,
                    "(b) with %d rows: median %.1f ms over %d runs, %,d bytes of JSON%n",
                    LARGE_ROWS,
                    median(largeRuns) / 1e6,
                    LARGE_ITERATIONS,
                    largeBytes);
            System.out.printf(
                    Locale.ROOT,
                    "server memory (in this JVM, max heap %d MB), sampled every 10 ms during the HTTP runs:%n",
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / MB);
            small.print(ROWS);
            large.print(LARGE_ROWS);
            System.out.println(
                    "for contrast, the former path (collect the rows in a list, then serialize), in-process:");
            collected.print(LARGE_ROWS);
            double liveGrowth = (double) large.maxAfterGc / Math.max(1, small.maxAfterGc);
            System.out.printf(
                    Locale.ROOT,
                    "growth %dk -> %dk rows (4x the data): heap after GC x%.2f, heap used x%.2f%n",
                    ROWS / 1000,
                    LARGE_ROWS / 1000,
                    liveGrowth,
                    (double) large.maxUsed / Math.max(1, small.maxUsed));

            ObjectNode results = MAPPER.createObjectNode();
            results.put("generatedAt", Instant.now().toString());
            results.put("rows", ROWS);
            results.put("plainMedianMs", round(a));
            results.put("httpMedianMs", round(b));
            results.put("runnerMedianMs", round(c));
            results.put("ratio", round(ratio));
            results.put("jsonBytes", httpBytes);
            results.put("largeRows", LARGE_ROWS);
            results.put("largeHttpMedianMs", round(median(largeRuns) / 1e6));
            results.put("largeJsonBytes", largeBytes);
            results.set("memory100k", small.json());
            results.set("memory400k", large.json());
            results.set("memory400kCollected", collected.json());
            results.set("plainRunsMs", millis(plain));
            results.set("httpRunsMs", millis(viaHttp));
            results.set("runnerRunsMs", millis(viaRunner));
            Files.createDirectories(out.toAbsolutePath().getParent());
            MAPPER.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
            System.out.println("results: " + out.toAbsolutePath());
            System.out.printf(
                    Locale.ROOT,
                    "rows=%d plain_ms=%.1f http_ms=%.1f runner_ms=%.1f ratio=%.2f heap_after_gc_100k_mb=%d"
                            + " heap_after_gc_400k_mb=%d heap_peak_100k_mb=%d heap_peak_400k_mb=%d rss_before_mb=%d"
                            + " rss_peak_100k_mb=%d rss_peak_400k_mb=%d live_growth=%.2f"
                            + " collected_400k_heap_after_gc_mb=%d%n",
                    ROWS,
                    a,
                    b,
                    c,
                    ratio,
                    small.maxAfterGc / MB,
                    large.maxAfterGc / MB,
                    small.maxUsed / MB,
                    large.maxUsed / MB,
                    small.rssBefore / MB,
                    small.maxRss / MB,
                    large.maxRss / MB,
                    liveGrowth,
                    collected.maxAfterGc / MB);
        } finally {
            memory.close();
            runner.destroy();
            context.close();
        }
    }

    private static String table(String name, int rows) {
        return """
                CREATE TABLE NAME AS
                SELECT g AS id, g::bigint * 1000 AS big, (g % 10000)::numeric(12, 2) / 7 AS amount,
                       g / 3.0::float8 AS ratio, 'name ' || g AS name, 'category ' || (g % 17) AS category,
                       g % 2 = 0 AS active, DATE '2020-01-01' + (g % 1000) AS day,
                       TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute' AS created, md5(g::text) AS note
                FROM generate_series(1, ROWS) g
                """.replace("NAME", name).replace("ROWS", Integer.toString(rows));
    }

    private static void plainJdbc(Connection connection, OutputStream out) throws Exception {
        try (Statement statement = connection.createStatement();
                ResultSet rs = statement.executeQuery(SQL);
                JsonGenerator json = MAPPER.createGenerator(out)) {
            int width = rs.getMetaData().getColumnCount();
            json.writeStartArray();
            while (rs.next()) {
                Object[] row = new Object[width];
                for (int i = 0; i < width; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                writeRow(json, Arrays.asList(row));
            }
            json.writeEndArray();
        }
    }

    private static void throughRunner(
            PooledQueryRunner runner, DataSourceTarget target, QueryLimits limits, OutputStream out) {
        try (JsonGenerator json = MAPPER.createGenerator(out)) {
            json.writeStartArray();
            QuerySummary summary = runner.execute(target, SQL, limits, new RowSink() {
                @Override
                public void columns(List<ResultColumn> columns) {}

                @Override
                public void row(List<Object> values) {
                    writeRow(json, values);
                }
            });
            if (summary.rowCount() != ROWS) {
                throw new IllegalStateException("Expected " + ROWS + " rows, got " + summary.rowCount());
            }
            json.writeEndArray();
        }
    }

    private static void writeRow(JsonGenerator json, List<Object> row) {
        json.writeStartArray();
        for (Object value : row) {
            json.writePOJO(value);
        }
        json.writeEndArray();
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static tools.jackson.databind.node.ArrayNode millis(List<Long> nanos) {
        tools.jackson.databind.node.ArrayNode array = MAPPER.createArrayNode();
        nanos.forEach(n -> array.add(round(n / 1e6)));
        return array;
    }

    /** {@code POST /api/v1/query} as a client would send it; reads the whole body and discards it. */
    private static final class HttpQuery {
        private final HttpClient client = HttpClient.newHttpClient();
        private final URI uri;
        private final String token;
        private final String connectionId;

        HttpQuery(int port, String token, String connectionId) {
            this.uri = URI.create("http://127.0.0.1:" + port + "/api/v1/query");
            this.token = token;
            this.connectionId = connectionId;
        }

        /** Returns the bytes of the body, after checking the status and that no row was left out. */
        long run(String sql, int rows) throws IOException, InterruptedException {
            String body = MAPPER.writeValueAsString(Map.of("connectionId", connectionId, "sql", sql, "limit", rows));
            HttpRequest request = HttpRequest.newBuilder(uri)
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            long count = 0;
            byte[] tail = new byte[256];
            int tailLength = 0;
            try (InputStream in = response.body()) {
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = in.read(buffer)) > 0) {
                    count += read;
                    int keep = Math.min(read, tail.length);
                    tailLength = keep;
                    System.arraycopy(buffer, read - keep, tail, 0, keep);
                }
            }
            String end = new String(tail, 0, tailLength, java.nio.charset.StandardCharsets.UTF_8);
            if (response.statusCode() != 200 || !end.contains("\"rowCount\":" + rows + ",\"truncated\":false")) {
                throw new IllegalStateException("Unexpected response " + response.statusCode() + ": ..." + end);
            }
            return count;
        }
    }

    /**
     * Samples this JVM's heap used and RSS every 10 ms while resumed, and records the heap used after every garbage
     * collection (from the collectors' notifications) while resumed.
     */
    private static final class MemoryWatch implements AutoCloseable {
        private final MemoryMXBean bean = ManagementFactory.getMemoryMXBean();
        private final Thread sampler;
        private final List<NotificationEmitter> emitters = new ArrayList<>();
        private final NotificationListener listener = this::onGc;
        private volatile Peak current;
        private volatile boolean running = true;

        MemoryWatch() {
            sampler = new Thread(this::sample, "memory-sampler");
            sampler.setDaemon(true);
            sampler.start();
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (gc instanceof NotificationEmitter emitter) {
                    emitter.addNotificationListener(listener, null, null);
                    emitters.add(emitter);
                }
            }
        }

        /** A new measurement from a collected heap. */
        Peak start() {
            System.gc();
            Peak peak = new Peak(bean.getHeapMemoryUsage().getUsed(), rss());
            current = peak;
            return peak;
        }

        void resume(Peak peak) {
            current = peak;
        }

        void pause() {
            current = null;
        }

        private void sample() {
            while (running) {
                Peak peak = current;
                if (peak != null) {
                    peak.used(bean.getHeapMemoryUsage().getUsed());
                    peak.rss(rss());
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private void onGc(javax.management.Notification notification, Object handback) {
            Peak peak = current;
            if (peak == null
                    || !GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(
                            notification.getType())) {
                return;
            }
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (Map.Entry<String, MemoryUsage> pool :
                    info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                // Heap pools only: code cache and metaspace do not hold results.
                String name = pool.getKey().toLowerCase(Locale.ROOT);
                if (name.contains("eden")
                        || name.contains("survivor")
                        || name.contains("old")
                        || name.contains("tenured")
                        || name.contains("heap")) {
                    after += pool.getValue().getUsed();
                }
            }
            peak.afterGc(after);
        }

        private static long rss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                    }
                }
            } catch (IOException | NumberFormatException e) {
                return -1;
            }
            return -1;
        }

        @Override
        public void close() throws Exception {
            running = false;
            sampler.interrupt();
            for (NotificationEmitter emitter : emitters) {
                emitter.removeNotificationListener(listener);
            }
        }

        static final class Peak {
            final long usedBefore;
            final long rssBefore;
            volatile long maxUsed;
            volatile long maxRss;
            volatile long maxAfterGc;
            final AtomicLong collections = new AtomicLong();

            Peak(long usedBefore, long rssBefore) {
                this.usedBefore = usedBefore;
                this.rssBefore = rssBefore;
                this.maxUsed = usedBefore;
                this.maxRss = rssBefore;
                this.maxAfterGc = usedBefore;
            }

            void used(long used) {
                maxUsed = Math.max(maxUsed, used);
            }

            void rss(long rss) {
                maxRss = Math.max(maxRss, rss);
            }

            synchronized void afterGc(long used) {
                collections.incrementAndGet();
                maxAfterGc = Math.max(maxAfterGc, used);
            }

            void print(int rows) {
                System.out.printf(
                        Locale.ROOT,
                        "  %,7d rows: heap used %4d MB before, peak %4d MB; peak heap after GC %4d MB (%d GCs);"
                                + " RSS %4d MB before, peak %4d MB%n",
                        rows,
                        usedBefore / MB,
                        maxUsed / MB,
                        maxAfterGc / MB,
                        collections.get(),
                        rssBefore / MB,
                        maxRss / MB);
            }

            ObjectNode json() {
                ObjectNode node = MAPPER.createObjectNode();
                node.put("heapUsedBeforeMb", usedBefore / MB);
                node.put("heapUsedPeakMb", maxUsed / MB);
                node.put("heapAfterGcPeakMb", maxAfterGc / MB);
                node.put("collections", collections.get());
                node.put("rssBeforeMb", rssBefore / MB);
                node.put("rssPeakMb", maxRss / MB);
                return node;
            }
        }
    }

    /** Discards what is written, counting the bytes. */
    private static final class CountingStream extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        @Override
        public void flush() {}

        @Override
        public void close() throws IOException {}
    }
}
