package io.datamind.auth;

import io.datamind.common.DbTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Refresh-token families, hashed refresh tokens and revoked access tokens: the source of truth for sessions. */
@Repository
class SessionRepository {

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertFamily(UUID id, UUID orgId, UUID userId, Instant now) {
        jdbc.sql("INSERT INTO refresh_families (id, org_id, user_id, created_at) VALUES (:id, :orgId, :userId, :now)")
                .param("id", id)
                .param("orgId", orgId)
                .param("userId", userId)
                .param("now", DbTimes.utc(now))
                .update();
    }

    void insertRefreshToken(String hash, UUID familyId, UUID orgId, UUID userId, Instant issuedAt, Instant expiresAt) {
        jdbc.sql("INSERT INTO refresh_tokens (token_hash, family_id, org_id, user_id, issued_at, expires_at)"
                        + " VALUES (:hash, :familyId, :orgId, :userId, :issuedAt, :expiresAt)")
                .param("hash", hash)
                .param("familyId", familyId)
                .param("orgId", orgId)
                .param("userId", userId)
                .param("issuedAt", DbTimes.utc(issuedAt))
                .param("expiresAt", DbTimes.utc(expiresAt))
                .update();
    }

    Optional<StoredRefreshToken> findRefreshToken(String hash) {
        return jdbc.sql("SELECT t.token_hash, t.family_id, t.org_id, t.user_id, t.spent_at, f.revoked_at"
                        + " FROM refresh_tokens t JOIN refresh_families f ON f.id = t.family_id"
                        + " WHERE t.token_hash = :hash")
                .param("hash", hash)
                .query((rs, row) -> new StoredRefreshToken(
                        rs.getString("token_hash"),
                        rs.getObject("family_id", UUID.class),
                        rs.getObject("org_id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        DbTimes.instant(rs, "spent_at"),
                        DbTimes.instant(rs, "revoked_at")))
                .optional();
    }

    /** Marks the token spent; 0 when it already was (a concurrent rotation won, or a reuse). */
    int markSpent(String hash, Instant now) {
        return jdbc.sql("UPDATE refresh_tokens SET spent_at = :now WHERE token_hash = :hash AND spent_at IS NULL")
                .param("now", DbTimes.utc(now))
                .param("hash", hash)
                .update();
    }

    /** Revokes the family; false when it already was. */
    boolean revokeFamily(UUID familyId, String reason, Instant now) {
        return jdbc.sql("UPDATE refresh_families SET revoked_at = :now, revoke_reason = :reason"
                                + " WHERE id = :id AND revoked_at IS NULL")
                        .param("now", DbTimes.utc(now))
                        .param("reason", reason)
                        .param("id", familyId)
                        .update()
                > 0;
    }

    List<UUID> liveFamiliesOf(UUID userId) {
        return jdbc.sql("SELECT id FROM refresh_families WHERE user_id = :userId AND revoked_at IS NULL")
                .param("userId", userId)
                .query(UUID.class)
                .list();
    }

    void insertRevokedToken(UUID jti, UUID orgId, UUID userId, Instant expiresAt, Instant now) {
        try {
            jdbc.sql("INSERT INTO revoked_tokens (jti, org_id, user_id, expires_at, revoked_at)"
                            + " VALUES (:jti, :orgId, :userId, :expiresAt, :now)")
                    .param("jti", jti)
                    .param("orgId", orgId)
                    .param("userId", userId)
                    .param("expiresAt", DbTimes.utc(expiresAt))
                    .param("now", DbTimes.utc(now))
                    .update();
        } catch (DuplicateKeyException alreadyRevoked) {
            // Revoking twice is the same as revoking once.
        }
    }

    boolean isRevoked(UUID jti, UUID familyId) {
        return jdbc.sql("SELECT (SELECT COUNT(*) FROM revoked_tokens WHERE jti = :jti)"
                                + " + (SELECT COUNT(*) FROM refresh_families WHERE id = :familyId"
                                + " AND revoked_at IS NOT NULL)")
                        .param("jti", jti)
                        .param("familyId", familyId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<Revoked> revokedTokensExpiringAfter(Instant now) {
        return jdbc.sql("SELECT jti, expires_at FROM revoked_tokens WHERE expires_at > :now")
                .param("now", DbTimes.utc(now))
                .query((rs, row) -> new Revoked(rs.getObject("jti", UUID.class), DbTimes.instant(rs, "expires_at")))
                .list();
    }

    List<Revoked> familiesRevokedAfter(Instant since) {
        return jdbc.sql("SELECT id, revoked_at FROM refresh_families WHERE revoked_at > :since")
                .param("since", DbTimes.utc(since))
                .query((rs, row) -> new Revoked(rs.getObject("id", UUID.class), DbTimes.instant(rs, "revoked_at")))
                .list();
    }

    /**
     * Drops what can no longer matter: revoked access tokens past their expiry, refresh tokens past theirs, and
     * families left without tokens (whose last access token expired long ago). {@code familyCutoff} keeps a family
     * just created, whose first token may not be inserted yet.
     */
    int deleteExpired(Instant now, Instant familyCutoff) {
        int deleted = jdbc.sql("DELETE FROM revoked_tokens WHERE expires_at < :now")
                .param("now", DbTimes.utc(now))
                .update();
        deleted += jdbc.sql("DELETE FROM refresh_tokens WHERE expires_at < :now")
                .param("now", DbTimes.utc(now))
                .update();
        deleted += jdbc.sql("DELETE FROM refresh_families WHERE created_at < :cutoff AND NOT EXISTS"
                        + " (SELECT 1 FROM refresh_tokens t WHERE t.family_id = refresh_families.id)")
                .param("cutoff", DbTimes.utc(familyCutoff))
                .update();
        return deleted;
    }

    record StoredRefreshToken(
            String hash, UUID familyId, UUID orgId, UUID userId, Instant spentAt, Instant familyRevokedAt) {}

    /** A revoked token id or family id, with the instant its cache entry is measured from. */
    record Revoked(UUID id, Instant at) {}
}
