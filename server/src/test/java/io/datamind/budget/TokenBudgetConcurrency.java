package io.datamind.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;

/** Many threads charge one organization at once, on the application database of the subclass. */
abstract class TokenBudgetConcurrency {

    private static final int THREADS = 16;
    private static final int CHARGES = 150;

    @LocalServerPort
    int port;

    @Autowired
    TokenBudgetRepository repository;

    @Autowired
    BudgetProperties properties;

    @Autowired
    ApplicationEventPublisher events;

    @Test
    void concurrentChargesLoseNothingFromTheVeryFirstOne() throws Exception {
        UUID orgId = TestAccounts.registerOwner(new HttpApi(port)).orgId();
        StoredTokenBudgets budgets = at("2025-03-14T10:00:00Z");

        // No row exists yet: the threads race to create it too.
        chargeConcurrently(budgets, orgId, 3, 4);

        BudgetStatus status = budgets.status(orgId);
        assertThat(status.used()).isEqualTo((long) THREADS * CHARGES * 7);
        assertThat(status.resetsAt()).isEqualTo(Instant.parse("2025-04-01T00:00:00Z"));
    }

    @Test
    void theMonthRollsOverOnceWhileManyChargeAtTheSameTime() throws Exception {
        UUID orgId = TestAccounts.registerOwner(new HttpApi(port)).orgId();
        StoredTokenBudgets march = at("2025-03-31T23:59:59Z");
        StoredTokenBudgets april = at("2025-04-01T00:00:00Z");
        chargeConcurrently(march, orgId, 10, 0);
        assertThat(march.status(orgId).used()).isEqualTo((long) THREADS * CHARGES * 10);

        // Every thread's first April charge sees a March row; only one of them may start the new period.
        chargeConcurrently(april, orgId, 1, 1);

        BudgetStatus status = april.status(orgId);
        assertThat(status.used()).isEqualTo((long) THREADS * CHARGES * 2);
        assertThat(status.resetsAt()).isEqualTo(Instant.parse("2025-05-01T00:00:00Z"));
        // A March charge that arrives late counts towards April instead of resetting it.
        march.record(orgId, 5, 0);
        assertThat(april.status(orgId).used()).isEqualTo((long) THREADS * CHARGES * 2 + 5);
    }

    private StoredTokenBudgets at(String instant) {
        return new StoredTokenBudgets(
                repository, properties, events, Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static void chargeConcurrently(StoredTokenBudgets budgets, UUID orgId, long input, long output)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < CHARGES; i++) {
                    budgets.record(orgId, input, output);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();
    }
}
