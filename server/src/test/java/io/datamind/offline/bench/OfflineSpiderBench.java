package io.datamind.offline.bench;

import io.datamind.datasource.StandaloneTargets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code offline-spider} benchmark: discovers each Spider dev database with the production discovery, answers
 * every dev question through the production offline path (offline author, SQL guard, query runner), runs the gold
 * SQL with the same runner and compares the results. Prints execution accuracy, the share answered and precision on
 * the answered questions, overall and by Spider hardness, and the median time of writing the SQL; writes every
 * question's outcome to {@code bench/results/offline-spider.json}. Run with {@code ./bench/run.sh offline-spider}.
 */
public final class OfflineSpiderBench {

    private static final Pattern ASKS_FOR_ORDER = Pattern.compile(
            "\\b(order|ordered|ordering|sort|sorted|sorting|descending|ascending|alphabetical|alphabetically"
                    + "|rank|ranked|increasing|decreasing|from (the )?(highest|lowest|largest|smallest|oldest|youngest"
                    + "|most|least|earliest|latest))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final List<String> LEVELS = List.of("easy", "medium", "hard", "extra");

    private OfflineSpiderBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Paths.get(System.getProperty("datamind.shared-dir", "../shared"))
                .toAbsolutePath()
                .normalize();
        Path spider = shared.resolve("datasets/spider-dev");
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/offline-spider.json");
        String only = System.getProperty("bench.only");
        OfflineBench bench = new OfflineBench(LEVELS);
        JsonNode dev = bench.mapper.readTree(spider.resolve("dev.json").toFile());

        Map<String, OfflineBench.Database> databases = new HashMap<>();
        for (JsonNode q : dev) {
            String db = q.get("db_id").asString();
            if (!databases.containsKey(db) && (only == null || only.equals(db))) {
                Path file = spider.resolve("database").resolve(db).resolve(db + ".sqlite");
                databases.put(db, bench.discover(db, StandaloneTargets.sqlite(OfflineBench.ORG, db, file)));
            }
        }

        int index = -1;
        for (JsonNode q : dev) {
            index++;
            String db = q.get("db_id").asString();
            if (only != null && !only.equals(db)) {
                continue;
            }
            String question = q.get("question").asString();
            String hardness = SpiderHardness.of(q.get("sql"));
            boolean ordered = q.get("sql").get("orderBy").size() > 0
                    && ASKS_FOR_ORDER.matcher(question).find();
            OfflineBench.Item item =
                    new OfflineBench.Item(db, question, q.get("query").asString(), ordered, List.of(hardness));
            ObjectNode entry = bench.entry();
            entry.put("index", index);
            entry.put("hardness", hardness);
            bench.score(item, databases.get(db), entry);
        }

        ObjectNode summary = bench.summary();
        bench.tallies(summary, "level", List.of("easy", "medium", "hard", "extra", "all"));
        bench.finish(summary, out);
    }
}
