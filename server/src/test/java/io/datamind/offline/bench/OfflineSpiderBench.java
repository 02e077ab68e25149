package io.datamind.offline.bench;

import io.datamind.offline.OfflineAnswer;
import io.datamind.offline.OfflineDialect;
import io.datamind.offline.OfflineEngine;
import io.datamind.schema.SchemaSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code offline-spider} benchmark: discovers each Spider dev database, asks the offline engine every dev
 * question, runs the predicted and the gold SQL on the database and compares their results. Prints execution
 * accuracy, the share answered and precision on the answered questions, overall and by Spider hardness, and the
 * median engine time; writes every question's outcome to {@code bench/results/offline-spider.json}. Run with
 * {@code ./bench/run.sh offline-spider}.
 */
public final class OfflineSpiderBench {

    private static final Pattern ASKS_FOR_ORDER = Pattern.compile(
            "\\b(order|ordered|ordering|sort|sorted|sorting|descending|ascending|alphabetical|alphabetically"
                    + "|rank|ranked|increasing|decreasing|from (the )?(highest|lowest|largest|smallest|oldest|youngest"
                    + "|most|least|earliest|latest))\\b",
            Pattern.CASE_INSENSITIVE);

    private static final String[] LEVELS = {"easy", "medium", "hard", "extra", "all"};

    private OfflineSpiderBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Paths.get(System.getProperty("datamind.shared-dir", "../shared"))
                .toAbsolutePath()
                .normalize();
        Path spider = shared.resolve("datasets/spider-dev");
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/offline-spider.json");
        String only = System.getProperty("bench.only");
        JsonMapper mapper = JsonMapper.builder().build();
        JsonNode dev = mapper.readTree(spider.resolve("dev.json").toFile());

        long discoveryStart = System.nanoTime();
        Map<String, Connection> connections = new HashMap<>();
        Map<String, SchemaSnapshot> snapshots = new HashMap<>();
        for (JsonNode q : dev) {
            String db = q.get("db_id").asString();
            if (!connections.containsKey(db)) {
                Path file = spider.resolve("database").resolve(db).resolve(db + ".sqlite");
                Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                connections.put(db, c);
                snapshots.put(db, SqliteSchemaReader.read(c));
            }
        }
        long discoveryMs = (System.nanoTime() - discoveryStart) / 1_000_000;

        OfflineEngine engine = new OfflineEngine();
        Map<String, int[]> stats = new LinkedHashMap<>();
        for (String level : LEVELS) {
            stats.put(level, new int[3]); // total, answered, correct
        }
        List<Double> times = new ArrayList<>();
        ArrayNode results = mapper.createArrayNode();
        int index = -1;
        for (JsonNode q : dev) {
            index++;
            String db = q.get("db_id").asString();
            if (only != null && !only.equals(db)) {
                continue;
            }
            String question = q.get("question").asString();
            String gold = q.get("query").asString();
            String hardness = SpiderHardness.of(q.get("sql"));
            long t0 = System.nanoTime();
            OfflineAnswer answer = engine.translate(question, snapshots.get(db), OfflineDialect.SQLITE, Map.of());
            double ms = (System.nanoTime() - t0) / 1e6;
            times.add(ms);

            ObjectNode r = results.addObject();
            r.put("index", index);
            r.put("db_id", db);
            r.put("hardness", hardness);
            r.put("question", question);
            r.put("gold", gold);
            r.put("ms", Math.round(ms * 100) / 100.0);
            stats.get(hardness)[0]++;
            stats.get("all")[0]++;
            if (answer instanceof OfflineAnswer.Sql sql) {
                stats.get(hardness)[1]++;
                stats.get("all")[1]++;
                r.put("predicted", sql.sql());
                r.put("explanation", sql.explanation());
                r.put("confidence", sql.confidence());
                Connection c = connections.get(db);
                List<List<String>> goldRows = run(c, gold);
                boolean ordered = hasTopLevelOrderBy(q.get("sql"))
                        && ASKS_FOR_ORDER.matcher(question).find();
                String status;
                try {
                    List<List<String>> predicted = run(c, sql.sql());
                    status = ResultComparer.same(goldRows, predicted, ordered) ? "correct" : "wrong";
                    if (status.equals("wrong")) {
                        r.put("predicted_rows", preview(predicted));
                        r.put("gold_rows", preview(goldRows));
                    }
                } catch (SQLException e) {
                    status = "error";
                    r.put("error", e.getMessage());
                }
                r.put("status", status);
                if (status.equals("correct")) {
                    stats.get(hardness)[2]++;
                    stats.get("all")[2]++;
                }
            } else {
                OfflineAnswer.Declined d = (OfflineAnswer.Declined) answer;
                r.put("status", "declined");
                r.put("reason", d.reason());
            }
        }
        for (Connection c : connections.values()) {
            c.close();
        }

        double median = median(times);
        ObjectNode summary = mapper.createObjectNode();
        summary.put("date", LocalDate.now().toString());
        summary.put("questions", stats.get("all")[0]);
        summary.put("discovery_ms", discoveryMs);
        summary.put("median_ms", Math.round(median * 100) / 100.0);
        summary.put("p95_ms", Math.round(percentile(times, 0.95) * 100) / 100.0);
        System.out.printf(
                Locale.ROOT, "%-8s %6s %10s %9s %10s%n", "level", "count", "exec_acc", "answered", "precision");
        for (String level : LEVELS) {
            int[] s = stats.get(level);
            double acc = s[0] == 0 ? 0 : (double) s[2] / s[0];
            double answered = s[0] == 0 ? 0 : (double) s[1] / s[0];
            double precision = s[1] == 0 ? 0 : (double) s[2] / s[1];
            ObjectNode l = summary.putObject(level);
            l.put("count", s[0]);
            l.put("answered", s[1]);
            l.put("correct", s[2]);
            l.put("execution_accuracy", round3(acc));
            l.put("answered_share", round3(answered));
            l.put("precision", round3(precision));
            System.out.printf(Locale.ROOT, "%-8s %6d %10.3f %9.3f %10.3f%n", level, s[0], acc, answered, precision);
        }
        ObjectNode root = mapper.createObjectNode();
        root.set("summary", summary);
        root.set("questions", results);
        Files.createDirectories(out.toAbsolutePath().getParent());
        mapper.writerWithDefaultPrettyPrinter().writeValue(out.toFile(), root);
        int[] all = stats.get("all");
        System.out.printf(
                Locale.ROOT,
                "discovery of %d databases: %d ms; engine median %.2f ms, p95 %.2f ms%n",
                connections.size(),
                discoveryMs,
                median,
                percentile(times, 0.95));
        System.out.println("results: " + out.toAbsolutePath());
        System.out.printf(
                Locale.ROOT,
                "execution_accuracy=%.2f answered=%.2f precision=%.2f median_ms=%.2f%n",
                (double) all[2] / all[0],
                (double) all[1] / all[0],
                all[1] == 0 ? 0 : (double) all[2] / all[1],
                median);
    }

    private static boolean hasTopLevelOrderBy(JsonNode sql) {
        return sql.get("orderBy").size() > 0;
    }

    private static List<List<String>> run(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement st = c.createStatement()) {
            st.setQueryTimeout(10);
            try (ResultSet rs = st.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next() && rows.size() < 200_000) {
                    List<String> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        row.add(ResultComparer.normalize(rs.getObject(i)));
                    }
                    rows.add(row);
                }
            }
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

    private static double median(List<Double> v) {
        return percentile(v, 0.5);
    }

    private static double percentile(List<Double> v, double p) {
        if (v.isEmpty()) {
            return 0;
        }
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        return s.get((int) Math.min(s.size() - 1, Math.floor(p * (s.size() - 1) + 0.5)));
    }

    private static double round3(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
