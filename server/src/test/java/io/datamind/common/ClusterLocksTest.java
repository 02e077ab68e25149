package io.datamind.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A job runs on one replica at a time, on both application databases, with the lock table of migration V1. */
class ClusterLocksTest {

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void aLockedJobIsSkippedElsewhereUntilTheLockEnds(String database) throws Exception {
        DataSource dataSource = dataSource(database);
        new JdbcTemplate(dataSource)
                .execute(Files.readString(Path.of("src/main/resources/db/migration/common/V1__shedlock.sql")));
        // Two replicas: each its own ClusterLocks over the same table.
        ClusterLocks first = new ClusterLocks(dataSource);
        ClusterLocks second = new ClusterLocks(dataSource);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();

        CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(
                () -> first.runExclusively("job", Duration.ofMinutes(5), Duration.ZERO, () -> {
                    runs.incrementAndGet();
                    running.countDown();
                    await(release);
                }));
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(second.runExclusively("job", Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .as("held by the other replica")
                .isFalse();
        assertThat(second.runExclusively("other-job", Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .isTrue();
        release.countDown();
        assertThat(slow.get(30, TimeUnit.SECONDS)).isTrue();

        assertThat(second.runExclusively("job", Duration.ofHours(1), Duration.ofHours(1), runs::incrementAndGet))
                .isTrue();
        assertThat(first.runExclusively("job", Duration.ofMinutes(5), Duration.ZERO, runs::incrementAndGet))
                .as("lockAtLeastFor keeps the round done")
                .isFalse();
        assertThat(runs).hasValue(3);
    }

    private static DataSource dataSource(String database) {
        if (database.equals("h2")) {
            return new DriverManagerDataSource(
                    "jdbc:h2:mem:locks-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
                    "sa",
                    "");
        }
        String name = TestServices.createPostgresDatabase("cluster_locks");
        return new DriverManagerDataSource(TestServices.postgresUrl(name), TestServices.PG_USER, "");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
