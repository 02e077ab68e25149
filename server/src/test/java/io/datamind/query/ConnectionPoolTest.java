package io.datamind.query;

import static io.datamind.query.RunnerFixtures.count;
import static io.datamind.query.RunnerFixtures.eventually;
import static io.datamind.query.RunnerFixtures.sql;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.query.QueryFailedException.Category;
import io.datamind.support.TestServices;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One bounded pool per database: a hung database cannot starve another, and pools come and go with use. */
class ConnectionPoolTest {

    private static long active(DataSourceTarget target) throws SQLException {
        return count(
                target,
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'"
                        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()");
    }

    private static boolean backendAlive(DataSourceTarget target, int pid) throws SQLException {
        return count(target, "SELECT count(*) FROM pg_stat_activity WHERE pid = " + pid) == 1;
    }

    private static List<CompletableFuture<QueryResult>> hang(
            PooledQueryRunner runner, DataSourceTarget target, List<String> queryIds) {
        List<CompletableFuture<QueryResult>> running = new ArrayList<>();
        for (String id : queryIds) {
            running.add(CompletableFuture.supplyAsync(
                    () -> runner.execute(target, "SELECT pg_sleep(20)", runner.defaultLimits(), id)));
        }
        return running;
    }

    @Test
    void aHungDatabaseDoesNotSlowAnother() throws Exception {
        PooledQueryRunner runner =
                new PooledQueryRunner(RunnerFixtures.properties(Duration.ofMinutes(10), Duration.ofSeconds(1), 3, 50));
        DataSourceTarget hung = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_hung"));
        DataSourceTarget healthy = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_healthy"));
        List<String> ids = List.of("hung-1", "hung-2", "hung-3");
        try {
            List<CompletableFuture<QueryResult>> running = hang(runner, hung, ids);
            assertThat(eventually(Duration.ofSeconds(10), sql(() -> active(hung) == 3)))
                    .as("every connection of the hung database is busy")
                    .isTrue();

            QueryFailedException busy = catchThrowableOfType(
                    QueryFailedException.class, () -> runner.execute(hung, "SELECT 1", runner.defaultLimits()));
            assertThat(busy.category()).isEqualTo(Category.LIMIT);
            assertThat(busy.getMessage()).contains("busy");

            QueryResult other = runner.execute(healthy, "SELECT 42 AS answer", runner.defaultLimits());
            assertThat(other.rows()).containsExactly(List.of(42));
            assertThat(active(hung))
                    .as("still hung while the other database answered")
                    .isEqualTo(3);
            assertThat(running).noneMatch(CompletableFuture::isDone);

            ids.forEach(id -> runner.cancel(RunnerFixtures.ORG, id));
            for (CompletableFuture<QueryResult> future : running) {
                ExecutionException failure =
                        catchThrowableOfType(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
                assertThat(((QueryFailedException) failure.getCause()).category())
                        .isEqualTo(Category.CANCELLED);
            }
            assertThat(runner.execute(hung, "SELECT 1", runner.defaultLimits()).rows())
                    .hasSize(1);
        } finally {
            runner.destroy();
        }
    }

    @Test
    void changedDetailsRebuildThePool() throws Exception {
        PooledQueryRunner runner = RunnerFixtures.runner();
        String database = TestServices.createPostgresDatabase("runner_rebuild");
        DataSourceTarget first =
                RunnerFixtures.postgres(database, TestServices.PG_USER, Map.of("ApplicationName", "one"));
        DataSourceTarget changed = new DataSourceTarget(
                first.connectionId(),
                first.orgId(),
                first.type(),
                first.jdbcUrl(),
                first.username(),
                first.password(),
                Map.of("ApplicationName", "two"),
                first.fingerprint() + "-changed",
                null);
        String sql = "SELECT current_setting('application_name') AS app, pg_backend_pid() AS pid";
        try {
            List<Object> before =
                    runner.execute(first, sql, runner.defaultLimits()).rows().get(0);
            assertThat(before.get(0)).isEqualTo("one");
            assertThat(runner.execute(first, sql, runner.defaultLimits())
                            .rows()
                            .get(0)
                            .get(0))
                    .isEqualTo("one");

            List<Object> after =
                    runner.execute(changed, sql, runner.defaultLimits()).rows().get(0);
            assertThat(after.get(0)).isEqualTo("two");
            assertThat(after.get(1)).isNotEqualTo(before.get(1));
            assertThat(runner.openPools()).isEqualTo(1);
            int oldPid = (Integer) before.get(1);
            assertThat(eventually(Duration.ofSeconds(10), sql(() -> !backendAlive(first, oldPid))))
                    .as("the old pool's connections are closed")
                    .isTrue();
        } finally {
            runner.destroy();
        }
    }

    @Test
    void idlePoolsAreClosed() throws Exception {
        PooledQueryRunner runner =
                new PooledQueryRunner(RunnerFixtures.properties(Duration.ofSeconds(1), Duration.ofSeconds(2), 3, 50));
        DataSourceTarget target = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_idle"));
        try {
            int pid = (Integer) runner.execute(target, "SELECT pg_backend_pid()", runner.defaultLimits())
                    .rows()
                    .get(0)
                    .get(0);
            assertThat(runner.hasPool(target.connectionId())).isTrue();
            assertThat(eventually(Duration.ofSeconds(10), () -> !runner.hasPool(target.connectionId())))
                    .isTrue();
            assertThat(eventually(Duration.ofSeconds(10), sql(() -> !backendAlive(target, pid))))
                    .isTrue();
            assertThat(runner.execute(target, "SELECT 1", runner.defaultLimits())
                            .rows())
                    .as("a new pool opens on the next use")
                    .hasSize(1);
        } finally {
            runner.destroy();
        }
    }

    @Test
    void theNumberOfPoolsIsCapped() throws Exception {
        PooledQueryRunner runner =
                new PooledQueryRunner(RunnerFixtures.properties(Duration.ofMinutes(10), Duration.ofSeconds(1), 1, 2));
        String database = TestServices.createPostgresDatabase("runner_cap");
        DataSourceTarget a = RunnerFixtures.postgres(database);
        DataSourceTarget b = RunnerFixtures.postgres(database);
        DataSourceTarget c = RunnerFixtures.postgres(database);
        try {
            runner.execute(a, "SELECT 1", runner.defaultLimits());
            runner.execute(b, "SELECT 1", runner.defaultLimits());
            runner.execute(c, "SELECT 1", runner.defaultLimits());
            assertThat(runner.openPools()).isEqualTo(2);
            assertThat(runner.hasPool(a.connectionId()))
                    .as("the least recently used idle pool made room")
                    .isFalse();

            List<CompletableFuture<QueryResult>> running = new ArrayList<>();
            running.addAll(hang(runner, b, List.of("cap-b")));
            running.addAll(hang(runner, c, List.of("cap-c")));
            assertThat(eventually(Duration.ofSeconds(10), sql(() -> active(a) == 2)))
                    .isTrue();
            QueryFailedException full = catchThrowableOfType(
                    QueryFailedException.class, () -> runner.execute(a, "SELECT 1", runner.defaultLimits()));
            assertThat(full.category()).isEqualTo(Category.LIMIT);
            runner.cancel(RunnerFixtures.ORG, "cap-b");
            runner.cancel(RunnerFixtures.ORG, "cap-c");
            for (CompletableFuture<QueryResult> future : running) {
                catchThrowableOfType(ExecutionException.class, () -> future.get(20, TimeUnit.SECONDS));
            }
        } finally {
            runner.destroy();
        }
    }

    @Test
    void closingAPoolDropsItsConnections() throws Exception {
        PooledQueryRunner runner = RunnerFixtures.runner();
        DataSourceTarget target = RunnerFixtures.postgres(TestServices.createPostgresDatabase("runner_close"));
        try {
            int pid = (Integer) runner.execute(target, "SELECT pg_backend_pid()", runner.defaultLimits())
                    .rows()
                    .get(0)
                    .get(0);
            runner.closePool(target.connectionId());
            assertThat(runner.hasPool(target.connectionId())).isFalse();
            assertThat(eventually(Duration.ofSeconds(10), sql(() -> !backendAlive(target, pid))))
                    .isTrue();
            runner.closePool(UUID.randomUUID());
        } finally {
            runner.destroy();
        }
    }
}
