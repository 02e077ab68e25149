package io.datamind.query;

import static io.datamind.query.RunnerFixtures.count;
import static io.datamind.query.RunnerFixtures.eventually;
import static io.datamind.query.RunnerFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.query.QueryFailedException.Category;
import io.datamind.support.TestServices;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Time limits and cancels stop the query in the database itself, not just in DataMind. */
class QueryTimeoutTest {

    private static final Duration GONE_WITHIN = Duration.ofSeconds(5);

    private static PooledQueryRunner runner;
    private static DataSourceTarget postgres;
    private static DataSourceTarget mariadb;

    @BeforeAll
    static void setUp() {
        runner = RunnerFixtures.runner();
        postgres = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_timeout"));
        mariadb = RunnerFixtures.mariadb(TestServices.createMariadbDatabase("runner_timeout"));
    }

    @AfterAll
    static void tearDown() {
        runner.destroy();
    }

    private static long activeOnPostgres() throws java.sql.SQLException {
        return count(
                postgres,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
    }

    private static long sleepingOnMariadb() throws java.sql.SQLException {
        return count(
                mariadb,
                "SELECT count(*) FROM information_schema.PROCESSLIST WHERE DB = DATABASE() AND COMMAND = 'Query'"
                        + " AND INFO LIKE '%SLEEP(30)%' AND ID <> CONNECTION_ID()");
    }

    @Test
    void postgresTimeoutLeavesNoQueryBehind() throws Exception {
        QueryFailedException failure = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        postgres, "SELECT pg_sleep(30)", runner.defaultLimits().withTimeout(Duration.ofSeconds(1))));
        assertThat(failure.category()).isEqualTo(Category.TIMEOUT);
        assertThat(failure.getMessage()).contains("1 s");
        assertThat(eventually(GONE_WITHIN, sql(() -> activeOnPostgres() == 0))).isTrue();
    }

    @Test
    void mariadbTimeoutLeavesNoQueryBehind() throws Exception {
        QueryFailedException failure = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        mariadb, "SELECT SLEEP(30)", runner.defaultLimits().withTimeout(Duration.ofSeconds(1))));
        assertThat(failure.category()).isEqualTo(Category.TIMEOUT);
        assertThat(eventually(GONE_WITHIN, sql(() -> sleepingOnMariadb() == 0))).isTrue();
    }

    @Test
    void cancelFromAnotherThreadStopsThePostgresQuery() throws Exception {
        String queryId = UUID.randomUUID().toString();
        CompletableFuture<QueryResult> running = CompletableFuture.supplyAsync(
                () -> runner.execute(postgres, "SELECT pg_sleep(30)", runner.defaultLimits(), queryId));
        assertThat(eventually(Duration.ofSeconds(10), sql(() -> activeOnPostgres() == 1)))
                .as("the query is seen running first")
                .isTrue();

        assertThat(runner.cancel(UUID.randomUUID(), queryId))
                .as("another organization cannot cancel it")
                .isFalse();
        assertThat(runner.cancel(RunnerFixtures.ORG, queryId)).isTrue();

        ExecutionException failure =
                catchThrowableOfType(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
        assertThat(failure.getCause())
                .isInstanceOfSatisfying(
                        QueryFailedException.class,
                        e -> assertThat(e.category()).isEqualTo(Category.CANCELLED));
        assertThat(eventually(GONE_WITHIN, sql(() -> activeOnPostgres() == 0))).isTrue();
        assertThat(runner.cancel(RunnerFixtures.ORG, queryId))
                .as("no longer running")
                .isFalse();
    }

    @Test
    void cancelFromAnotherThreadStopsTheMariadbQuery() throws Exception {
        String queryId = UUID.randomUUID().toString();
        CompletableFuture<QueryResult> running = CompletableFuture.supplyAsync(
                () -> runner.execute(mariadb, "SELECT SLEEP(30)", runner.defaultLimits(), queryId));
        assertThat(eventually(Duration.ofSeconds(10), sql(() -> sleepingOnMariadb() == 1)))
                .isTrue();
        assertThat(runner.cancel(RunnerFixtures.ORG, queryId)).isTrue();
        ExecutionException failure =
                catchThrowableOfType(ExecutionException.class, () -> running.get(20, TimeUnit.SECONDS));
        assertThat(((QueryFailedException) failure.getCause()).category()).isEqualTo(Category.CANCELLED);
        assertThat(eventually(GONE_WITHIN, sql(() -> sleepingOnMariadb() == 0))).isTrue();
    }

    @Test
    void timeoutIsCappedAtTheConfiguredMaximum() {
        PooledQueryRunner capped = new PooledQueryRunner(new QueryProperties(
                10_000,
                1_000_000,
                org.springframework.util.unit.DataSize.ofMegabytes(1),
                Duration.ofSeconds(1),
                Duration.ofSeconds(2),
                3,
                Duration.ofMinutes(1),
                Duration.ofSeconds(2),
                5));
        try {
            QueryFailedException failure = catchThrowableOfType(
                    QueryFailedException.class,
                    () -> capped.execute(
                            postgres,
                            "SELECT pg_sleep(30)",
                            capped.defaultLimits().withTimeout(Duration.ofMinutes(10))));
            assertThat(failure.category()).isEqualTo(Category.TIMEOUT);
            assertThat(failure.getMessage()).contains("2 s");
        } finally {
            capped.destroy();
        }
    }

    @Test
    void fileDatabasesStopAtTheTimeLimit() throws Exception {
        DataSourceTarget sqlite = RunnerFixtures.file(DatabaseType.SQLITE, RunnerFixtures.tempFile(".sqlite"));
        RunnerFixtures.exec(sqlite, "CREATE TABLE t (a int)");
        DataSourceTarget duckdb = RunnerFixtures.file(DatabaseType.DUCKDB, RunnerFixtures.tempFile(".duckdb"));
        RunnerFixtures.exec(duckdb, "CREATE TABLE t (a int)");
        QueryLimits oneSecond = runner.defaultLimits().withTimeout(Duration.ofSeconds(1));

        QueryFailedException sqliteFailure = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        sqlite,
                        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT count(*) FROM r",
                        oneSecond));
        assertThat(sqliteFailure.category()).isEqualTo(Category.TIMEOUT);

        QueryFailedException duckdbFailure = catchThrowableOfType(
                QueryFailedException.class,
                () -> runner.execute(
                        duckdb, "SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b", oneSecond));
        assertThat(duckdbFailure.category()).isEqualTo(Category.TIMEOUT);
        assertThat(runner.execute(duckdb, "SELECT 42", oneSecond).rows()).containsExactly(java.util.List.of(42));
    }
}
