package io.datamind.query.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

@IntegrationTest
@TestPropertySource(properties = "datamind.query.guard.max-sql-length=40")
class SqlGuardConfigTest {

    @Autowired
    SqlGuard guard;

    @Test
    void theApplicationsGuardUsesTheConfiguredLimits() {
        KnownTables known = KnownTables.of(SqlDialect.POSTGRESQL, "orders");

        assertThat(guard.check("SELECT * FROM orders", SqlDialect.POSTGRESQL, known))
                .isInstanceOf(GuardVerdict.Accepted.class);
        assertThat(guard.check(
                                "SELECT id, total, created_at FROM orders WHERE total > 100",
                                SqlDialect.POSTGRESQL,
                                known)
                        .reasonOrNull())
                .isEqualTo("The query is too long (58 characters; at most 40)");
    }
}
