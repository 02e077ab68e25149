package io.datamind.query;

import io.datamind.support.TestServices;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Query runner overhead on PostgreSQL: a 100,000-row, 10-column result read (a) with plain JDBC and (b) through the
 * runner's streaming API, both serialized by the same Jackson generator into a counting sink. Prints the times and
 * the ratio b/a (target at most 1.5). Run with:
 *
 * <pre>
 * ./mvnw -B -ntp -q -pl server test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.datamind.query.QueryRunnerBench
 * </pre>
 */
public final class QueryRunnerBench {

    private static final int ROWS = 100_000;
    private static final int WARMUP = 3;
    private static final int ITERATIONS = 10;
    private static final String SQL = "SELECT * FROM bench ORDER BY id";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private QueryRunnerBench() {}

    public static void main(String[] args) throws Exception {
        String database = TestServices.createPostgresDatabase("runner_bench");
        DataSourceTarget target = RunnerFixtures.postgres(database);
        RunnerFixtures.exec(target, """
                CREATE TABLE bench AS
                SELECT g AS id, g::bigint * 1000 AS big, (g % 10000)::numeric(12, 2) / 7 AS amount,
                       g / 3.0::float8 AS ratio, 'name ' || g AS name, 'category ' || (g % 17) AS category,
                       g % 2 = 0 AS active, DATE '2020-01-01' + (g % 1000) AS day,
                       TIMESTAMP '2020-01-01' + g * INTERVAL '1 minute' AS created, md5(g::text) AS note
                FROM generate_series(1, ROWS) g
                """.replace("ROWS", Integer.toString(ROWS)), "ANALYZE bench");
        PooledQueryRunner runner = RunnerFixtures.runner();
        QueryLimits limits = runner.defaultLimits()
                .withMaxRows(ROWS)
                .withMaxBytes(Long.MAX_VALUE)
                .withTimeout(Duration.ofSeconds(300));
        // One connection for every plain read, as the runner's pool keeps its connections: only reading differs.
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(), TestServices.PG_USER, "")) {
            List<Long> plain = new ArrayList<>();
            List<Long> viaRunner = new ArrayList<>();
            long plainBytes = 0;
            long runnerBytes = 0;
            for (int i = 0; i < WARMUP + ITERATIONS; i++) {
                CountingStream a = new CountingStream();
                long t0 = System.nanoTime();
                plainJdbc(connection, a);
                long t1 = System.nanoTime();
                CountingStream b = new CountingStream();
                throughRunner(runner, target, limits, b);
                long t2 = System.nanoTime();
                if (i >= WARMUP) {
                    plain.add(t1 - t0);
                    viaRunner.add(t2 - t1);
                }
                plainBytes = a.count;
                runnerBytes = b.count;
            }
            long a = median(plain);
            long b = median(viaRunner);
            System.out.printf("rows=%d columns=10 iterations=%d (after %d warm-up)%n", ROWS, ITERATIONS, WARMUP);
            System.out.printf(
                    "(a) plain JDBC + Jackson:        median %6.1f ms, %,d bytes of JSON%n", a / 1e6, plainBytes);
            System.out.printf(
                    "(b) QueryRunner stream + Jackson: median %6.1f ms, %,d bytes of JSON%n", b / 1e6, runnerBytes);
            System.out.printf("ratio b/a = %.2f (target <= 1.50)%n", (double) b / a);
        } finally {
            runner.destroy();
        }
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

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
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
