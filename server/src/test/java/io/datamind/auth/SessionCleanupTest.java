package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Expired session rows are deleted; live ones, and a family just created, are kept. */
@IntegrationTest
class SessionCleanupTest {

    @LocalServerPort
    int port;

    @Autowired
    SessionRepository sessions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void deletesOnlyWhatCanNoLongerMatter() {
        TestAccounts.Account owner = TestAccounts.registerOwner(new HttpApi(port));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant longAgo = now.minus(Duration.ofDays(10));
        UUID org = owner.orgId();
        UUID user = owner.userId();

        UUID deadFamily = UUID.randomUUID();
        sessions.insertFamily(deadFamily, org, user, longAgo);
        sessions.insertRefreshToken(
                "dead-" + deadFamily, deadFamily, org, user, longAgo, now.minus(Duration.ofDays(3)));
        UUID liveFamily = UUID.randomUUID();
        sessions.insertFamily(liveFamily, org, user, longAgo);
        sessions.insertRefreshToken("live-" + liveFamily, liveFamily, org, user, longAgo, now.plus(Duration.ofDays(1)));
        UUID newFamily = UUID.randomUUID();
        sessions.insertFamily(newFamily, org, user, now);
        UUID expiredJti = UUID.randomUUID();
        sessions.insertRevokedToken(expiredJti, org, user, now.minusSeconds(60), longAgo);
        UUID liveJti = UUID.randomUUID();
        sessions.insertRevokedToken(liveJti, org, user, now.plusSeconds(600), now);

        sessions.deleteExpired(now, now.minus(Duration.ofDays(1)));

        assertThat(count("refresh_families", "id", deadFamily)).isZero();
        assertThat(count("refresh_families", "id", liveFamily)).isOne();
        assertThat(count("refresh_families", "id", newFamily)).isOne();
        assertThat(count("refresh_tokens", "family_id", deadFamily)).isZero();
        assertThat(count("refresh_tokens", "family_id", liveFamily)).isOne();
        assertThat(count("revoked_tokens", "jti", expiredJti)).isZero();
        assertThat(count("revoked_tokens", "jti", liveJti)).isOne();
        assertThat(sessions.isRevoked(liveJti, UUID.randomUUID())).isTrue();
    }

    private long count(String table, String column, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }
}
