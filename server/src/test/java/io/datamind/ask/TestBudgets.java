package io.datamind.ask;

import io.datamind.budget.TokenBudgets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A budget kept in memory that a test can exhaust for one organization, and that remembers every charge, so tests see
 * what the pipeline checked and recorded whatever the stored budgets do.
 */
final class TestBudgets implements TokenBudgets {

    record Charge(UUID orgId, long input, long output) {}

    final List<Charge> charges = new CopyOnWriteArrayList<>();
    final Set<UUID> exhausted = ConcurrentHashMap.newKeySet();

    @Override
    public boolean hasRemaining(UUID orgId) {
        return !exhausted.contains(orgId);
    }

    @Override
    public void record(UUID orgId, long inputTokens, long outputTokens) {
        charges.add(new Charge(orgId, inputTokens, outputTokens));
    }

    List<Charge> of(UUID orgId) {
        return charges.stream().filter(c -> c.orgId().equals(orgId)).toList();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        TestBudgets testBudgets() {
            return new TestBudgets();
        }
    }
}
