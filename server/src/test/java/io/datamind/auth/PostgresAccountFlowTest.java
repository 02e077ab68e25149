package io.datamind.auth;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The migrations and queries run on PostgreSQL too: the same journey on a fresh PostgreSQL database. */
@IntegrationTest
class PostgresAccountFlowTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String database = TestServices.createPostgresDatabase("auth_flow");
        registry.add("spring.datasource.url", () -> TestServices.postgresUrl(database));
        registry.add("spring.datasource.username", () -> TestServices.PG_USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Test
    void registerLoginMeMembersOnPostgres() {
        AccountFlow.run(new HttpApi(port));
    }
}
