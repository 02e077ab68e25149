package io.datamind.auth;

import io.datamind.common.DbTimes;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CredentialRepository {

    private final JdbcClient jdbc;

    CredentialRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID userId, UUID orgId, String passwordHash, Instant now) {
        jdbc.sql("INSERT INTO credentials (user_id, org_id, password_hash, created_at, updated_at)"
                        + " VALUES (:userId, :orgId, :hash, :now, :now)")
                .param("userId", userId)
                .param("orgId", orgId)
                .param("hash", passwordHash)
                .param("now", DbTimes.utc(now))
                .update();
    }

    Optional<String> passwordHash(UUID userId) {
        return jdbc.sql("SELECT password_hash FROM credentials WHERE user_id = :userId")
                .param("userId", userId)
                .query(String.class)
                .optional();
    }

    void updatePasswordHash(UUID orgId, UUID userId, String passwordHash, Instant now) {
        jdbc.sql("UPDATE credentials SET password_hash = :hash, updated_at = :now"
                        + " WHERE org_id = :orgId AND user_id = :userId")
                .param("hash", passwordHash)
                .param("now", DbTimes.utc(now))
                .param("orgId", orgId)
                .param("userId", userId)
                .update();
    }
}
