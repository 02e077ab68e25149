package io.datamind.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.support.TestServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Results stop at the row and byte limits with {@code truncated: true}, streamed or collected. */
class QueryLimitsTest {

    private static final String PG_ROWS = "SELECT g AS id, md5(g::text) AS label FROM generate_series(1, 100000) g";
    private static final String MARIADB_ROWS = "SELECT seq AS id, md5(seq) AS label FROM seq_1_to_100000";

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;

    @BeforeAll
    static void setUp() {
        runner = RunnerFixtures.runner();
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_limits"));
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_limits"));
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    @Test
    void defaultRowLimitTruncatesAHundredThousandRows() {
        for (DataSourceTarget target : List.of(postgres, mariadb)) {
            String sql = target == postgres ? PG_ROWS : MARIADB_ROWS;
            QueryResult result = runner.execute(target, sql, runner.defaultLimits());
            assertThat(result.truncated()).as("%s", target.type()).isTrue();
            assertThat(result.rowCount()).isEqualTo(10_000);
            assertThat(result.rows()).hasSize(10_000);
            assertThat(((Number) result.rows().get(9_999).get(0)).longValue()).isEqualTo(10_000L);
            assertThat(result.columns()).extracting(ResultColumn::name).containsExactly("id", "label");
        }
    }

    @Test
    void exactlyTheLimitIsNotTruncated() {
        QueryResult result = runner.execute(
                postgres,
                "SELECT g FROM generate_series(1, 2500) g",
                runner.defaultLimits().withMaxRows(2500));
        assertThat(result.truncated()).isFalse();
        assertThat(result.rowCount()).isEqualTo(2500);
        QueryResult oneMore = runner.execute(
                postgres,
                "SELECT g FROM generate_series(1, 2501) g",
                runner.defaultLimits().withMaxRows(2500));
        assertThat(oneMore.truncated()).isTrue();
        assertThat(oneMore.rowCount()).isEqualTo(2500);
    }

    @Test
    void byteLimitTruncatesEarly() {
        for (DataSourceTarget target : List.of(postgres, mariadb)) {
            String sql = target == postgres ? PG_ROWS : MARIADB_ROWS;
            // Each row is an id and a 32-character hash: about 50 bytes of JSON.
            QueryResult result = runner.execute(
                    target, sql, runner.defaultLimits().withMaxRows(100_000).withMaxBytes(50_000));
            assertThat(result.truncated()).as("%s", target.type()).isTrue();
            assertThat(result.rowCount()).isBetween(500L, 2_000L);
            assertThat(runner.execute(target, "SELECT 1", runner.defaultLimits())
                            .rows())
                    .as("the connection is usable after stopping early")
                    .hasSize(1);
        }
    }

    @Test
    void streamingDeliversRowByRowAndStopsAtTheLimit() {
        for (DataSourceTarget target : List.of(postgres, mariadb)) {
            String sql = target == postgres ? PG_ROWS : MARIADB_ROWS;
            List<List<ResultColumn>> columns = new ArrayList<>();
            long[] seen = {0};
            QuerySummary summary =
                    runner.execute(target, sql, runner.defaultLimits().withMaxRows(100_000), new RowSink() {
                        @Override
                        public void columns(List<ResultColumn> list) {
                            columns.add(list);
                        }

                        @Override
                        public void row(List<Object> values) {
                            assertThat(columns).hasSize(1);
                            seen[0]++;
                        }
                    });
            assertThat(summary.truncated()).isFalse();
            assertThat(summary.rowCount()).isEqualTo(100_000);
            assertThat(seen[0]).isEqualTo(100_000);

            QuerySummary limited =
                    runner.execute(target, sql, runner.defaultLimits().withMaxRows(1234), new CountingSink());
            assertThat(limited.truncated()).isTrue();
            assertThat(limited.rowCount()).isEqualTo(1234);
        }
    }

    @Test
    void aFailingSinkStopsTheQuery() {
        for (DataSourceTarget target : List.of(postgres, mariadb)) {
            String sql = target == postgres ? PG_ROWS : MARIADB_ROWS;
            UncheckedIOException failure = catchThrowableOfType(
                    UncheckedIOException.class,
                    () -> runner.execute(target, sql, runner.defaultLimits(), new CountingSink() {
                        @Override
                        public void row(List<Object> values) throws IOException {
                            if (++rows == 10) {
                                throw new IOException("client went away");
                            }
                        }
                    }));
            assertThat(failure).hasMessageContaining("client went away");
            assertThat(runner.execute(target, "SELECT 2", runner.defaultLimits())
                            .rows())
                    .hasSize(1);
            assertThat(runner.runningQueries()).isZero();
        }
    }

    static class CountingSink implements RowSink {
        long rows;

        @Override
        public void columns(List<ResultColumn> columns) {}

        @Override
        public void row(List<Object> values) throws IOException {
            rows++;
        }
    }
}
