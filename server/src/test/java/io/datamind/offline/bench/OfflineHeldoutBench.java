package io.datamind.offline.bench;

import io.datamind.datasource.StandaloneTargets;
import io.datamind.sample.StandaloneSample;
import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code offline-heldout} benchmark: the offline engine, through the same production path and scoring as
 * {@code offline-spider}, on question sets written for databases it was never tuned on: Chinook (SQLite, the shared
 * file), Northwind (PostgreSQL, loaded from the shared dump into a database this benchmark creates and drops) and
 * DataMind's own Sample Sales (DuckDB, generated here by the production generator: what a new user asks first) and
 * a veterinary clinic chain (SQLite, generated here by {@code bench/heldout/vetclinic-db.py}; needs {@code python3}).
 * Each set is a JSON array of {@code {id, question, sql, kind, ordered}} in {@code bench/heldout/}. Prints the
 * figures overall, per set and per kind; writes every question's outcome to
 * {@code bench/results/offline-heldout.json}. Run with {@code ./bench/run.sh offline-heldout}.
 *
 * <p>The engine must never be changed because of these results, or they stop being held out.
 */
public final class OfflineHeldoutBench {

    /** Named per process: two runs at once (two worktrees on one machine) must not drop each other's copy. */
    static final String NORTHWIND_DATABASE =
            "heldout_northwind_" + ProcessHandle.current().pid();

    private OfflineHeldoutBench() {}

    public static void main(String[] args) throws Exception {
        Path shared = Paths.get(System.getProperty("datamind.shared-dir", "../shared"))
                .toAbsolutePath()
                .normalize();
        Path out = Paths.get(args.length > 0 ? args[0] : "bench/results/offline-heldout.json")
                .toAbsolutePath();
        Path sets = Paths.get(System.getProperty(
                        "bench.heldout-dir",
                        out.getParent().resolveSibling("heldout").toString()))
                .toAbsolutePath();
        OfflineBench bench = new OfflineBench(List.of());

        OfflineBench.Database chinook = bench.discover(
                "chinook",
                StandaloneTargets.sqlite(
                        OfflineBench.ORG, "heldout-chinook", shared.resolve("datasets/chinook/Chinook_Sqlite.sqlite")));
        loadNorthwind(shared.resolve("datasets/northwind/northwind_postgresql.sql"));
        try {
            OfflineBench.Database northwind = bench.discover(
                    "northwind",
                    StandaloneTargets.postgres(
                            OfflineBench.ORG,
                            "heldout-northwind",
                            TestServices.PG_HOST,
                            Integer.parseInt(TestServices.PG_PORT),
                            NORTHWIND_DATABASE,
                            TestServices.PG_USER,
                            ""));
            Path sampleDir = Files.createTempDirectory("heldout-sample");
            OfflineBench.Database sample = bench.discover(
                    "sample",
                    StandaloneTargets.duckdb(
                            OfflineBench.ORG,
                            "heldout-sample",
                            StandaloneSample.generate(sampleDir.resolve("sample-sales.duckdb"))));
            Path vetclinicFile = sampleDir.resolve("vetclinic.sqlite");
            generateVetclinic(sets.resolve("vetclinic-db.py"), vetclinicFile);
            OfflineBench.Database vetclinic = bench.discover(
                    "vetclinic", StandaloneTargets.sqlite(OfflineBench.ORG, "heldout-vetclinic", vetclinicFile));
            ask(bench, chinook, sets.resolve("chinook.json"));
            ask(bench, northwind, sets.resolve("northwind.json"));
            ask(bench, sample, sets.resolve("sample.json"));
            ask(bench, vetclinic, sets.resolve("vetclinic.json"));

            ObjectNode summary = bench.summary();
            bench.tallies(summary, "overall", List.of("all"));
            bench.tallies(summary.putObject("sets"), "set", bench.groups("set:"));
            bench.tallies(summary.putObject("kinds"), "kind", bench.groups("kind:"));
            bench.tallies(summary.putObject("set_kinds"), "set/kind", bench.groups("set/kind:"));
            bench.finish(summary, out);
        } finally {
            dropNorthwind();
        }
    }

    private static void ask(OfflineBench bench, OfflineBench.Database database, Path file) throws Exception {
        JsonNode questions = bench.mapper.readTree(file.toFile());
        for (JsonNode q : questions) {
            String kind = q.get("kind").asString();
            List<String> groups = new ArrayList<>();
            groups.add("set:" + database.name());
            groups.add("kind:" + kind);
            groups.add("set/kind:" + database.name() + "/" + kind);
            OfflineBench.Item item = new OfflineBench.Item(
                    database.name(),
                    q.get("question").asString(),
                    q.get("sql").asString(),
                    q.get("ordered").asBoolean(),
                    groups);
            ObjectNode entry = bench.entry();
            entry.put("id", q.get("id").asString());
            entry.put("set", database.name());
            entry.put("kind", kind);
            bench.score(item, database, entry);
        }
    }

    private static void generateVetclinic(Path script, Path file) throws Exception {
        Process python = new ProcessBuilder("python3", script.toString(), file.toString())
                .inheritIO()
                .start();
        if (python.waitFor() != 0) {
            throw new IllegalStateException(script + " failed with exit code " + python.exitValue());
        }
    }

    /** A fresh Northwind database from the shared dump, analyzed so discovery sees row estimates as usual. */
    private static void loadNorthwind(Path dump) throws Exception {
        dropNorthwind();
        try (Connection admin =
                        DriverManager.getConnection(TestServices.postgresUrl("test"), TestServices.PG_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + NORTHWIND_DATABASE);
        }
        try (Connection c = DriverManager.getConnection(
                        TestServices.postgresUrl(NORTHWIND_DATABASE), TestServices.PG_USER, "");
                Statement statement = c.createStatement()) {
            statement.execute(Files.readString(dump));
            statement.execute("ANALYZE");
        }
    }

    private static void dropNorthwind() throws SQLException {
        try (Connection admin =
                        DriverManager.getConnection(TestServices.postgresUrl("test"), TestServices.PG_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + NORTHWIND_DATABASE + " WITH (FORCE)");
        }
    }
}
