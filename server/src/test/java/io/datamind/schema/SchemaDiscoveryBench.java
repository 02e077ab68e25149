package io.datamind.schema;

import io.datamind.DataMindApplication;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.query.DataSourceTarget;
import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Schema discovery on a large generated PostgreSQL schema: 1,000 tables, 20,000 columns, 1,000 foreign keys. Times
 * (a) DataMind's discovery without sample values, through the query runner's pooled read-only connection into a
 * {@link SchemaSnapshot}, against (b) the same catalog queries run directly over plain JDBC with every value read,
 * interleaved in the same run, and (c) {@code GET /api/v1/connections/{id}/schema} of the stored snapshot over HTTP.
 * Targets: (a) at most 10 s and at most 2x (b); (c) under 200 ms. Run with {@code ./bench/run.sh schema-discovery}.
 */
public final class SchemaDiscoveryBench {

    private static final int TABLES = 1_000;
    private static final int COLUMNS_PER_TABLE = 20;
    private static final int WARMUP = 2;
    private static final int ITERATIONS = 7;
    private static final int GET_WARMUP = 5;
    private static final int GET_ITERATIONS = 30;
    private static final String[] TYPES = {
        "text", "integer", "numeric(12,2)", "date", "timestamp", "boolean", "varchar(80)", "bigint", "double precision"
    };

    private SchemaDiscoveryBench() {}

    public static void main(String[] args) throws Exception {
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/schema-discovery.json");
        String database = TestServices.createPostgresDatabase("schema_bench");
        long generateStart = System.nanoTime();
        generate(database);
        System.out.printf(
                Locale.ROOT,
                "generated %d tables, %d columns, %d foreign keys in database %s (%.1f s)%n",
                TABLES,
                TABLES * COLUMNS_PER_TABLE,
                TABLES,
                database,
                (System.nanoTime() - generateStart) / 1e9);

        SpringApplication application = new SpringApplication(DataMindApplication.class);
        application.setAdditionalProfiles("test");
        ConfigurableApplicationContext context = application.run(
                "--server.port=0",
                "--datamind.schema.sample-value-budget=0s",
                "--datamind.schema.resync-interval=0",
                "--logging.level.root=WARN",
                "--logging.level.io.datamind=WARN");
        ObjectNode results = JsonMapper.builder().build().createObjectNode();
        try {
            HttpApi api = new HttpApi(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            TestAccounts.Account owner = TestAccounts.registerOwner(api);
            String token = TestAccounts.token(api, owner).accessToken();
            UUID connectionId = createConnection(api, token, database);
            awaitIdleSyncs(api, token);

            DataSourceTarget target =
                    context.getBean(ConnectionTargets.class).forConnection(owner.orgId(), connectionId);
            SchemaDiscovery discovery = context.getBean(SchemaDiscovery.class);
            List<Long> viaDataMind = new ArrayList<>();
            List<Long> raw = new ArrayList<>();
            SchemaSnapshot snapshot = null;
            try (Connection plain =
                    DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "")) {
                for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                    long t0 = System.nanoTime();
                    snapshot = discovery.discover(target, new SyncProgress());
                    long t1 = System.nanoTime();
                    long values = rawCatalogQueries(plain);
                    long t2 = System.nanoTime();
                    if (i >= WARMUP) {
                        viaDataMind.add(t1 - t0);
                        raw.add(t2 - t1);
                    }
                    if (values == 0) {
                        throw new IllegalStateException("the catalog queries read nothing");
                    }
                }
            }
            int[] counts = counts(snapshot);
            if (counts[0] != TABLES || counts[1] != TABLES * COLUMNS_PER_TABLE || counts[2] != TABLES) {
                throw new IllegalStateException("discovery found " + counts[0] + " tables, " + counts[1] + " columns, "
                        + counts[2] + " foreign keys");
            }

            String schemaPath = "/api/v1/connections/" + connectionId + "/schema";
            List<Long> gets = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < GET_WARMUP + GET_ITERATIONS; i++) {
                long t0 = System.nanoTime();
                HttpApi.Response response =
                        api.request("GET", schemaPath).bearer(token).send();
                long t1 = System.nanoTime();
                if (response.status() != 200) {
                    throw new IllegalStateException(response.toString());
                }
                if (i >= GET_WARMUP) {
                    gets.add(t1 - t0);
                }
                bytes = response.body().length();
            }
            JsonNode served = HttpApi.JSON.readTree(
                    api.request("GET", schemaPath).bearer(token).send().body());
            if (served.get("tables").size() != TABLES) {
                throw new IllegalStateException(
                        "GET returned " + served.get("tables").size() + " tables");
            }

            double discoveryMs = median(viaDataMind) / 1e6;
            double rawMs = median(raw) / 1e6;
            double ratio = discoveryMs / rawMs;
            double getMs = median(gets) / 1e6;
            double getP95Ms = percentile(gets, 0.95) / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "discovery without sample values (DataMind): median %8.1f ms over %d runs (target <= 10000 ms)%n",
                    discoveryMs,
                    ITERATIONS);
            System.out.printf(Locale.ROOT, "raw catalog queries (plain JDBC):           median %8.1f ms%n", rawMs);
            System.out.printf(Locale.ROOT, "ratio DataMind / raw = %.2f (target <= 2.00)%n", ratio);
            System.out.printf(
                    Locale.ROOT,
                    "GET %s: median %.1f ms, p95 %.1f ms over %d requests, %,d characters of JSON (target < 200 ms)%n",
                    "/api/v1/connections/{id}/schema",
                    getMs,
                    getP95Ms,
                    GET_ITERATIONS,
                    bytes);

            results.put("generatedAt", Instant.now().toString());
            results.put("tables", counts[0]);
            results.put("columns", counts[1]);
            results.put("foreignKeys", counts[2]);
            results.put("discoveryMedianMs", round(discoveryMs));
            results.put("rawCatalogMedianMs", round(rawMs));
            results.put("ratio", round(ratio));
            results.put("schemaGetMedianMs", round(getMs));
            results.put("schemaGetP95Ms", round(getP95Ms));
            results.put("schemaJsonChars", bytes);
            results.set("discoveryRunsMs", millis(viaDataMind));
            results.set("rawRunsMs", millis(raw));
            results.set("schemaGetRunsMs", millis(gets));
            out.toAbsolutePath().getParent().toFile().mkdirs();
            HttpApi.JSON.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), results);
            System.out.println("results: " + out.toAbsolutePath());
            System.out.printf(
                    Locale.ROOT,
                    "tables=%d columns=%d foreign_keys=%d discovery_ms=%.0f raw_ms=%.0f ratio=%.2f schema_get_ms=%.1f"
                            + " schema_get_p95_ms=%.1f%n",
                    counts[0],
                    counts[1],
                    counts[2],
                    discoveryMs,
                    rawMs,
                    ratio,
                    getMs,
                    getP95Ms);
        } finally {
            context.close();
            dropDatabase(database);
        }
    }

    /** Tables t0000..t0999 of 20 columns of mixed types; each refers to the previous one, the first to the last. */
    private static void generate(String database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int t = 0; t < TABLES; t++) {
                StringBuilder ddl = new StringBuilder("CREATE TABLE ")
                        .append(table(t))
                        .append(" (id bigint PRIMARY KEY, parent_id bigint");
                for (int c = 2; c < COLUMNS_PER_TABLE; c++) {
                    ddl.append(", col_").append(c).append(' ').append(TYPES[(t + c) % TYPES.length]);
                }
                statement.addBatch(ddl.append(')').toString());
                if (t % 10 == 0) {
                    statement.addBatch("COMMENT ON TABLE " + table(t) + " IS 'Generated table number " + t + "'");
                }
            }
            for (int t = 0; t < TABLES; t++) {
                statement.addBatch("ALTER TABLE " + table(t) + " ADD CONSTRAINT " + table(t) + "_parent FOREIGN KEY"
                        + " (parent_id) REFERENCES " + table((t + TABLES - 1) % TABLES) + " (id)");
            }
            statement.executeBatch();
            connection.commit();
            connection.setAutoCommit(true);
            statement.execute("ANALYZE");
        }
    }

    private static String table(int t) {
        return String.format(Locale.ROOT, "t%04d", t);
    }

    /** The catalog queries discovery sends, each result read in full as text. */
    private static long rawCatalogQueries(Connection connection) throws SQLException {
        long values = 0;
        try (Statement statement = connection.createStatement()) {
            for (String sql : List.of(PostgresCatalog.TABLES, PostgresCatalog.COLUMNS, PostgresCatalog.KEYS)) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    int width = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= width; i++) {
                            if (rs.getString(i) != null) {
                                values++;
                            }
                        }
                    }
                }
            }
        }
        return values;
    }

    private static UUID createConnection(HttpApi api, String token, String database) {
        return UUID.fromString(TestConnections.createPostgres(api, token, "Generated schema", database));
    }

    /** Waits for the first syncs (the generated schema and the sample database) so they do not share the CPU. */
    private static void awaitIdleSyncs(HttpApi api, String token) throws InterruptedException {
        long deadline = System.nanoTime() + 300_000_000_000L;
        for (JsonNode connection : api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")) {
            String path = "/api/v1/connections/" + connection.get("id").asString() + "/sync";
            while (true) {
                String state = api.request("GET", path)
                        .bearer(token)
                        .send()
                        .json()
                        .get("state")
                        .asString();
                if (state.equals("done")) {
                    break;
                }
                if (state.equals("failed") || System.nanoTime() > deadline) {
                    throw new IllegalStateException("sync of " + connection.get("name") + " is " + state);
                }
                Thread.sleep(200);
            }
        }
    }

    private static int[] counts(SchemaSnapshot snapshot) {
        int columns = 0;
        int foreignKeys = 0;
        for (TableInfo table : snapshot.tables()) {
            columns += table.columns().size();
            foreignKeys += table.foreignKeys().size();
        }
        return new int[] {snapshot.tables().size(), columns, foreignKeys};
    }

    private static void dropDatabase(String database) {
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl("test"), TestServices.PG_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        } catch (SQLException e) {
            System.out.println("could not drop " + database + ": " + e.getMessage());
        }
    }

    private static long median(List<Long> values) {
        return percentile(values, 0.5);
    }

    private static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(p * sorted.size())));
    }

    private static tools.jackson.databind.node.ArrayNode millis(List<Long> nanos) {
        tools.jackson.databind.node.ArrayNode array = HttpApi.JSON.createArrayNode();
        nanos.forEach(n -> array.add(round(n / 1e6)));
        return array;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
