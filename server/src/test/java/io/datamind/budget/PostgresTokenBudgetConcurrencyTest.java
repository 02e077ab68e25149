package io.datamind.budget;

import io.datamind.support.IntegrationTest;
import io.datamind.support.TestServices;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** On a fresh PostgreSQL application database. */
@IntegrationTest
class PostgresTokenBudgetConcurrencyTest extends TokenBudgetConcurrency {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String database = TestServices.createPostgresDatabase("budget_race");
        registry.add("spring.datasource.url", () -> TestServices.postgresUrl(database));
        registry.add("spring.datasource.username", () -> TestServices.PG_USER);
        registry.add("spring.datasource.password", () -> "");
    }
}
