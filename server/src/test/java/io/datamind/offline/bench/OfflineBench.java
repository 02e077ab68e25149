package io.datamind.offline.bench;

import io.datamind.ask.StandaloneOfflineAsk;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryFailedException;
import io.datamind.query.QueryLimits;
import io.datamind.query.QueryResult;
import io.datamind.query.QueryRunner;
import io.datamind.query.StandaloneQueryRunner;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.StandaloneDiscovery;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The harness of the offline benchmarks: each database is discovered by the production discovery (catalog reader
 * and sample values over the query runner), each question is answered by the production offline path (the offline
 * author, the SQL guard, the query runner; see {@link StandaloneOfflineAsk}), and the result is compared with the
 * gold SQL's, run by the same runner. Tallies execution accuracy, the share answered and precision per group.
 */
final class OfflineBench {

    static final UUID ORG = UUID.nameUUIDFromBytes("offline-bench".getBytes(StandardCharsets.UTF_8));

    /**
     * Results are compared on up to this many rows: more than an answer shows (the runner's default limit), so a
     * right query whose answer was cut at that limit still scores.
     */
    private static final int SCORING_MAX_ROWS = 200_000;

    private static final String REFUSED_PREFIX = "The SQL check refused it";

    /** A discovered database. */
    record Database(String name, DataSourceTarget target, SchemaSnapshot snapshot) {}

    /**
     * One question to score.
     *
     * @param groups the tallies it counts in besides {@code all}, e.g. a hardness or {@code set:chinook}
     * @param ordered whether the gold result's row order is part of the answer
     */
    record Item(String database, String question, String gold, boolean ordered, List<String> groups) {}

    private static final class Tally {
        int total;
        int answered;
        int correct;
    }

    final JsonMapper mapper = JsonMapper.builder().build();
    private final QueryRunner runner = StandaloneQueryRunner.create();
    private final StandaloneDiscovery discovery = new StandaloneDiscovery(runner);
    private final StandaloneOfflineAsk asker = new StandaloneOfflineAsk(runner);
    private final Map<String, Tally> tallies = new LinkedHashMap<>();
    private final List<Double> authorMs = new ArrayList<>();
    private final List<Double> checkAndRunMs = new ArrayList<>();
    private final List<Database> databases = new ArrayList<>();
    private final ArrayNode results = mapper.createArrayNode();
    private long discoveryNanos;
    private int refused;
    private int failed;
    private int goldErrors;

    OfflineBench(List<String> groupOrder) {
        for (String group : groupOrder) {
            tallies.put(group, new Tally());
        }
        tallies.put("all", new Tally());
    }

    Database discover(String name, DataSourceTarget target) {
        long start = System.nanoTime();
        SchemaSnapshot snapshot = discovery.discover(target);
        discoveryNanos += System.nanoTime() - start;
        Database database = new Database(name, target, snapshot);
        databases.add(database);
        return database;
    }

    /** A new entry of the results file, for the caller's own first fields; then {@link #score} fills it. */
    ObjectNode entry() {
        return results.addObject();
    }

    /** Answers one question, scores it and records its outcome in the entry. */
    void score(Item item, Database database, ObjectNode r) {
        StandaloneOfflineAsk.Answer answer = asker.ask(database.target(), database.snapshot(), item.question());
        double ms = answer.authorNanos() / 1e6;
        authorMs.add(ms);
        r.put("db_id", item.database());
        r.put("question", item.question());
        r.put("gold", item.gold());
        r.put("ms", round2(ms));
        List<Tally> counted = new ArrayList<>();
        counted.add(tallies.get("all"));
        for (String group : item.groups()) {
            counted.add(tallies.computeIfAbsent(group, g -> new Tally()));
        }
        counted.forEach(t -> t.total++);
        if (answer.written() == null) {
            r.put("status", "declined");
            r.put("reason", answer.message());
            return;
        }
        counted.forEach(t -> t.answered++);
        checkAndRunMs.add(answer.checkAndRunNanos() / 1e6);
        r.put("predicted", answer.written());
        if (answer.ran() != null && !answer.ran().equals(answer.written())) {
            r.put("ran", answer.ran());
        }
        r.put("explanation", answer.reasoning());
        if (answer.confidence() != null) {
            r.put("confidence", answer.confidence());
        }
        r.put("check_and_run_ms", round2(answer.checkAndRunNanos() / 1e6));
        if (answer.result() == null) {
            boolean byGuard = answer.message() != null && answer.message().startsWith(REFUSED_PREFIX);
            if (byGuard) {
                refused++;
            } else {
                failed++;
            }
            r.put("status", byGuard ? "refused" : "error");
            r.put("error", answer.message());
            return;
        }
        List<List<String>> gold;
        try {
            gold = rows(runner.execute(database.target(), item.gold(), scoringLimits()));
        } catch (QueryFailedException e) {
            goldErrors++;
            r.put("status", "gold_error");
            r.put("error", e.getMessage());
            return;
        }
        QueryResult shown = answer.result();
        if (shown.truncated()) {
            // The answer shows the first rows up to the runner's limit; the query is scored on all of them.
            r.put("truncated", true);
            shown = runner.execute(database.target(), answer.ran(), scoringLimits());
        }
        List<List<String>> predicted = rows(shown);
        boolean same = ResultComparer.same(gold, predicted, item.ordered());
        r.put("status", same ? "correct" : "wrong");
        if (same) {
            counted.forEach(t -> t.correct++);
        } else {
            r.put("predicted_rows", preview(predicted));
            r.put("gold_rows", preview(gold));
        }
    }

    /** The summary every offline benchmark writes: date, machine, counts, times, and the tally of {@code all}. */
    ObjectNode summary() {
        ObjectNode summary = mapper.createObjectNode();
        summary.put("date", LocalDate.now().toString());
        ObjectNode machine = summary.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("java", System.getProperty("java.version"));
        summary.put(
                "path",
                "SchemaDiscovery (catalog reader + SampleValues) over PooledQueryRunner; OfflineSqlAuthor, then"
                        + " QueryAttempts: QueryCheck (SqlGuard) and QueryExecution (PooledQueryRunner, cache off)");
        summary.put("questions", tallies.get("all").total);
        summary.put("databases", databases.size());
        summary.put("discovery_ms", discoveryNanos / 1_000_000);
        summary.put("median_ms", round2(percentile(authorMs, 0.5)));
        summary.put("p95_ms", round2(percentile(authorMs, 0.95)));
        summary.put("median_check_and_run_ms", round2(percentile(checkAndRunMs, 0.5)));
        summary.put("refused_by_guard", refused);
        summary.put("failed_in_database", failed);
        summary.put("gold_errors", goldErrors);
        return summary;
    }

    /** Puts the tallies of these groups into {@code node}, each under its name without a prefix, and prints them. */
    void tallies(ObjectNode node, String title, List<String> groups) {
        System.out.printf(
                Locale.ROOT, "%-30s %6s %10s %9s %10s%n", title, "count", "exec_acc", "answered", "precision");
        for (String group : groups) {
            Tally t = tallies.getOrDefault(group, new Tally());
            ObjectNode l = node.putObject(group.substring(group.indexOf(':') + 1));
            l.put("count", t.total);
            l.put("answered", t.answered);
            l.put("correct", t.correct);
            l.put("execution_accuracy", round3(ratio(t.correct, t.total)));
            l.put("answered_share", round3(ratio(t.answered, t.total)));
            l.put("precision", round3(ratio(t.correct, t.answered)));
            System.out.printf(
                    Locale.ROOT,
                    "%-30s %6d %10.3f %9.3f %10.3f%n",
                    group.substring(group.indexOf(':') + 1),
                    t.total,
                    ratio(t.correct, t.total),
                    ratio(t.answered, t.total),
                    ratio(t.correct, t.answered));
        }
    }

    /** Groups seen so far whose name starts with the prefix, in the order first seen. */
    List<String> groups(String prefix) {
        return tallies.keySet().stream().filter(g -> g.startsWith(prefix)).toList();
    }

    /** Writes the results file, prints the times and ends with the key=value line. */
    void finish(ObjectNode summary, Path out) throws IOException {
        ObjectNode root = mapper.createObjectNode();
        root.set("summary", summary);
        root.set("questions", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        StandaloneQueryRunner.close(runner);
        Tally all = tallies.get("all");
        System.out.printf(
                Locale.ROOT,
                "discovery of %d databases: %d ms; author median %.2f ms, p95 %.2f ms; check and run median %.2f ms;"
                        + " refused by the guard %d, failed in the database %d, gold errors %d%n",
                databases.size(),
                discoveryNanos / 1_000_000,
                percentile(authorMs, 0.5),
                percentile(authorMs, 0.95),
                percentile(checkAndRunMs, 0.5),
                refused,
                failed,
                goldErrors);
        System.out.println("results: " + out.toAbsolutePath());
        System.out.printf(
                Locale.ROOT,
                "execution_accuracy=%.2f answered=%.2f precision=%.2f median_ms=%.2f%n",
                ratio(all.correct, all.total),
                ratio(all.answered, all.total),
                ratio(all.correct, all.answered),
                percentile(authorMs, 0.5));
    }

    private QueryLimits scoringLimits() {
        return runner.defaultLimits().withMaxRows(SCORING_MAX_ROWS);
    }

    private static List<List<String>> rows(QueryResult result) {
        List<List<String>> rows = new ArrayList<>(result.rows().size());
        for (List<Object> row : result.rows()) {
            List<String> normalized = new ArrayList<>(row.size());
            for (Object value : row) {
                normalized.add(ResultComparer.normalize(value));
            }
            rows.add(normalized);
        }
        return rows;
    }

    private static String preview(List<List<String>> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(rows.size()).append(" rows: ");
        for (int i = 0; i < Math.min(3, rows.size()); i++) {
            sb.append(rows.get(i)).append(' ');
        }
        return sb.toString().strip();
    }

    private static double ratio(int part, int whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    static double percentile(List<Double> v, double p) {
        if (v.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get((int) Math.min(s.size() - 1, Math.floor(p * (s.size() - 1) + 0.5)));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
