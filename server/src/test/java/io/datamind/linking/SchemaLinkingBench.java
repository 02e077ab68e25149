package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code schema-linking} benchmark: one catalog of every Spider database in {@code tables.json} (tables named
 * {@code db_id.table}), embedded once as a schema sync would (stored in an in-memory application database through
 * the production repository), then the production selector picks tables for each dev question within a token
 * budget. A question is covered when every table of its gold SQL is selected. Baselines: the first 100 tables in
 * alphabetical order, plain BM25 over table and column names filling the same budget, and the whole catalog. Tokens
 * are characters / 4 of the rendered context. Run with {@code ./bench/run.sh schema-linking}.
 */
public final class SchemaLinkingBench {

    private static final int BUDGET = Integer.getInteger("bench.budget", 1500);

    private SchemaLinkingBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Paths.get(System.getProperty("datamind.shared-dir", "../shared"))
                .toAbsolutePath()
                .normalize();
        Path spider = shared.resolve("datasets/spider-dev");
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/schema-linking.json");
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode catalogJson = mapper.readTree(spider.resolve("tables.json").toFile());
        JsonNode dev = mapper.readTree(spider.resolve("dev.json").toFile());

        UUID orgId = UUID.randomUUID();
        UUID connectionId = UUID.randomUUID();
        Map<String, List<String>> tableNamesByDb = new HashMap<>();
        SchemaSnapshot catalog = catalog(catalogJson, connectionId, tableNamesByDb);
        System.out.printf(
                Locale.ROOT,
                "catalog: %d databases, %d tables, %d columns%n",
                catalogJson.size(),
                catalog.tables().size(),
                catalog.tables().stream().mapToInt(t -> t.columns().size()).sum());

        // The application database, migrated by Flyway as the server does, holds the stored embeddings.
        AppDatabase app = AppDatabase.inMemory("linking-bench");
        app.insertConnection(orgId, connectionId);
        SchemaVectorRepository repository = app.vectorRepository();
        SchemaVectorStore store = new SchemaVectorStore(repository);
        MiniLmEmbedder embedder = new MiniLmEmbedder();
        LinkingProperties properties = new LinkingProperties(true, 20, 25);
        SchemaEmbeddingIndexer indexer =
                new SchemaEmbeddingIndexer(repository, store, embedder, properties, new SimpleMeterRegistry());
        long indexStart = System.nanoTime();
        int embedded = indexer.index(orgId, catalog);
        long indexMs = (System.nanoTime() - indexStart) / 1_000_000;
        System.out.printf(
                Locale.ROOT, "embeddings: %d computed and stored in %d ms (once, as a sync)%n", embedded, indexMs);

        RelevantSchemaSelector selector = new RelevantSchemaSelector(store, embedder, properties);
        // What the embeddings add: the same selector with words only (as while a sync is still embedding).
        RelevantSchemaSelector wordsOnly =
                new RelevantSchemaSelector(store, embedder, new LinkingProperties(false, 20, 25));
        Bm25Baseline bm25 = new Bm25Baseline(catalog);
        List<String> sortedNames = new ArrayList<>();
        for (TableInfo t : catalog.tables()) {
            sortedNames.add(SchemaIndex.qualifiedName(t.schema(), t.name()).toLowerCase(Locale.ROOT));
        }
        sortedNames.sort(null);
        Set<String> first100 = new LinkedHashSet<>(sortedNames.subList(0, 100));
        int first100Tokens = bm25.tokensOf(first100);
        int wholeTokens = new SchemaIndex(catalog).wholeTokens();

        // Warm-up outside the timings: class loading and JIT of the first questions say nothing of steady state.
        for (int i = 0; i < 20; i++) {
            selector.select(catalog, dev.get(i).get("question").asString(), BUDGET);
        }

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<Double> times = new ArrayList<>();
        List<Double> cpuTimes = new ArrayList<>();
        List<Double> tokens = new ArrayList<>();
        List<Double> tables = new ArrayList<>();
        int covered = 0;
        int coveredFirst100 = 0;
        int coveredBm25 = 0;
        int coveredWords = 0;
        List<Double> wordsTokens = new ArrayList<>();
        List<Double> bm25Tokens = new ArrayList<>();
        ArrayNode results = mapper.createArrayNode();
        for (int i = 0; i < dev.size(); i++) {
            JsonNode q = dev.get(i);
            String db = q.get("db_id").asString();
            String question = q.get("question").asString();
            Set<String> gold = new TreeSet<>();
            goldTables(q.get("sql"), tableNamesByDb.get(db), db, gold);

            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            SchemaContext context = selector.select(catalog, question, BUDGET);
            double ms = (System.nanoTime() - t0) / 1e6;
            cpuTimes.add((threads.getCurrentThreadCpuTime() - cpu0) / 1e6);
            Set<String> selected = new LinkedHashSet<>();
            for (TableInfo t : context.tables()) {
                selected.add(SchemaIndex.qualifiedName(t.schema(), t.name()).toLowerCase(Locale.ROOT));
            }
            boolean ok = selected.containsAll(gold);
            covered += ok ? 1 : 0;
            coveredFirst100 += first100.containsAll(gold) ? 1 : 0;
            SchemaContext words = wordsOnly.select(catalog, question, BUDGET);
            boolean wordsOk = words.tables().stream()
                    .map(t -> SchemaIndex.qualifiedName(t.schema(), t.name()).toLowerCase(Locale.ROOT))
                    .toList()
                    .containsAll(gold);
            coveredWords += wordsOk ? 1 : 0;
            wordsTokens.add((double) words.tokens());
            Bm25Baseline.Selection baseline = bm25.select(question, BUDGET);
            coveredBm25 += baseline.tables().containsAll(gold) ? 1 : 0;
            bm25Tokens.add((double) baseline.tokens());
            times.add(ms);
            tokens.add((double) context.tokens());
            tables.add((double) selected.size());

            ObjectNode r = results.addObject();
            r.put("index", i);
            r.put("db_id", db);
            r.put("question", question);
            r.put("covered", ok);
            r.put("tokens", context.tokens());
            r.put("tables", selected.size());
            r.put("ms", Math.round(ms * 100) / 100.0);
            ArrayNode goldNode = r.putArray("gold");
            gold.forEach(goldNode::add);
            ArrayNode missing = r.putArray("missing");
            gold.stream().filter(g -> !selected.contains(g)).forEach(missing::add);
            r.put("words_only_covered", wordsOk);
            r.put("bm25_covered", baseline.tables().containsAll(gold));
            ArrayNode top = r.putArray("selected_first");
            selected.stream().limit(8).forEach(top::add);
        }
        int n = dev.size();
        double coverage = (double) covered / n;
        double medianTokens = percentile(tokens, 0.5);
        double p95Tokens = percentile(tokens, 0.95);
        double medianMs = percentile(times, 0.5);

        ObjectNode summary = mapper.createObjectNode();
        summary.put("date", LocalDate.now().toString());
        summary.put("questions", n);
        summary.put("catalog_databases", catalogJson.size());
        summary.put("catalog_tables", catalog.tables().size());
        summary.put("token_budget", BUDGET);
        summary.put("tokens", "characters / 4 of the rendered context");
        summary.put("embeddings_computed", embedded);
        summary.put("embedding_ms", indexMs);
        summary.put("coverage", round3(coverage));
        summary.put("median_tokens", medianTokens);
        summary.put("p95_tokens", p95Tokens);
        summary.put("median_tables", percentile(tables, 0.5));
        summary.put("median_ms", Math.round(medianMs * 100) / 100.0);
        summary.put("p95_ms", Math.round(percentile(times, 0.95) * 100) / 100.0);
        summary.put("median_cpu_ms", Math.round(percentile(cpuTimes, 0.5) * 100) / 100.0);
        summary.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        summary.put("words_only_coverage", round3((double) coveredWords / n));
        summary.put("words_only_median_tokens", percentile(wordsTokens, 0.5));
        summary.put("first100_coverage", round3((double) coveredFirst100 / n));
        summary.put("first100_tokens", first100Tokens);
        summary.put("bm25_coverage", round3((double) coveredBm25 / n));
        summary.put("bm25_median_tokens", percentile(bm25Tokens, 0.5));
        summary.put("whole_catalog_tokens", wholeTokens);
        ObjectNode root = mapper.createObjectNode();
        root.set("summary", summary);
        root.set("questions", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);

        System.out.printf(Locale.ROOT, "questions: %d, token budget %d (tokens = characters / 4)%n", n, BUDGET);
        System.out.printf(
                Locale.ROOT,
                "selector:  coverage %.3f, median %.0f tokens (p95 %.0f), median %.0f tables, median %.2f ms (p95 %.2f)%n",
                coverage,
                medianTokens,
                p95Tokens,
                percentile(tables, 0.5),
                medianMs,
                percentile(times, 0.95));
        System.out.printf(
                Locale.ROOT,
                "selection CPU time: median %.2f ms (wall time includes waiting for a core; load average %.1f)%n",
                percentile(cpuTimes, 0.5),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(
                Locale.ROOT,
                "same selector, words only: coverage %.3f, median %.0f tokens%n",
                (double) coveredWords / n,
                percentile(wordsTokens, 0.5));
        System.out.printf(
                Locale.ROOT,
                "first 100 tables: coverage %.3f, %d tokens%n",
                (double) coveredFirst100 / n,
                first100Tokens);
        System.out.printf(
                Locale.ROOT,
                "BM25 over names: coverage %.3f, median %.0f tokens%n",
                (double) coveredBm25 / n,
                percentile(bm25Tokens, 0.5));
        System.out.printf(Locale.ROOT, "whole catalog: %d tokens%n", wholeTokens);
        System.out.println("results: " + out.toAbsolutePath());
        System.out.printf(
                Locale.ROOT,
                "coverage=%.3f median_tokens=%.0f p95_tokens=%.0f median_ms=%.2f first100_coverage=%.3f"
                        + " bm25_coverage=%.3f whole_catalog_tokens=%d%n",
                coverage,
                medianTokens,
                p95Tokens,
                medianMs,
                (double) coveredFirst100 / n,
                (double) coveredBm25 / n,
                wholeTokens);
    }

    /** Every database of tables.json as one schema per database, with the original names, keys and types. */
    static SchemaSnapshot catalog(JsonNode catalogJson, UUID connectionId, Map<String, List<String>> tableNamesByDb) {
        List<TableInfo> tables = new ArrayList<>();
        for (JsonNode db : catalogJson) {
            String dbId = db.get("db_id").asString();
            List<String> tableNames = new ArrayList<>();
            db.get("table_names_original").forEach(t -> tableNames.add(t.asString()));
            tableNamesByDb.put(dbId, tableNames);
            JsonNode columnNames = db.get("column_names_original");
            JsonNode types = db.get("column_types");
            List<List<ColumnInfo>> columns = new ArrayList<>();
            List<List<String>> columnNamesByTable = new ArrayList<>();
            for (int t = 0; t < tableNames.size(); t++) {
                columns.add(new ArrayList<>());
                columnNamesByTable.add(new ArrayList<>());
            }
            int[] tableOf = new int[columnNames.size()];
            for (int c = 1; c < columnNames.size(); c++) {
                int t = columnNames.get(c).get(0).asInt();
                String name = columnNames.get(c).get(1).asString();
                String type = types.get(c).asString();
                tableOf[c] = t;
                columns.get(t)
                        .add(new ColumnInfo(
                                name, type, category(type), true, columns.get(t).size() + 1, null, List.of()));
                columnNamesByTable.get(t).add(name);
            }
            List<List<String>> primaryKeys = new ArrayList<>();
            List<List<ForeignKey>> foreignKeys = new ArrayList<>();
            for (int t = 0; t < tableNames.size(); t++) {
                primaryKeys.add(new ArrayList<>());
                foreignKeys.add(new ArrayList<>());
            }
            for (JsonNode pk : db.get("primary_keys")) {
                List<Integer> cols = new ArrayList<>();
                if (pk.isArray()) {
                    pk.forEach(c -> cols.add(c.asInt()));
                } else {
                    cols.add(pk.asInt());
                }
                for (int c : cols) {
                    primaryKeys.get(tableOf[c]).add(columnNames.get(c).get(1).asString());
                }
            }
            for (JsonNode fk : db.get("foreign_keys")) {
                int from = fk.get(0).asInt();
                int to = fk.get(1).asInt();
                foreignKeys
                        .get(tableOf[from])
                        .add(new ForeignKey(
                                null,
                                List.of(columnNames.get(from).get(1).asString()),
                                dbId,
                                tableNames.get(tableOf[to]),
                                List.of(columnNames.get(to).get(1).asString())));
            }
            for (int t = 0; t < tableNames.size(); t++) {
                tables.add(new TableInfo(
                        dbId,
                        tableNames.get(t),
                        "TABLE",
                        null,
                        null,
                        columns.get(t),
                        primaryKeys.get(t),
                        foreignKeys.get(t)));
            }
        }
        return new SchemaSnapshot(connectionId, Instant.now(), tables);
    }

    private static String category(String spiderType) {
        return switch (spiderType) {
            case "number" -> "number";
            case "text" -> "text";
            case "time" -> "timestamp";
            case "boolean" -> "boolean";
            default -> "other";
        };
    }

    /** The tables of a gold query, its subqueries and set operations included. */
    static void goldTables(JsonNode node, List<String> tableNames, String db, Set<String> out) {
        if (node == null) {
            return;
        }
        if (node.isArray()) {
            if (node.size() == 2
                    && node.get(0).isString()
                    && node.get(0).asString().equals("table_unit")) {
                out.add((db + "." + tableNames.get(node.get(1).asInt())).toLowerCase(Locale.ROOT));
                return;
            }
            for (JsonNode child : node) {
                goldTables(child, tableNames, db, out);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> child : node.properties()) {
                goldTables(child.getValue(), tableNames, db, out);
            }
        }
    }

    static double percentile(List<Double> values, double p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Comparator.naturalOrder());
        return sorted.get((int) Math.min(sorted.size() - 1, Math.floor(p * (sorted.size() - 1) + 0.5)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
