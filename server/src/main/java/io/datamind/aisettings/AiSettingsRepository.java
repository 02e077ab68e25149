package io.datamind.aisettings;

import io.datamind.common.DbTimes;
import io.datamind.datasource.CredentialRotation;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * One row per organization that chose its own settings. It is also where master-key rotation finds the stored API
 * keys: {@link CredentialRotation} walks every organization's key through this store.
 */
@Repository
class AiSettingsRepository implements CredentialRotation.Store {

    private static final String COLUMNS = "org_id, provider, model, base_url, api_key_enc, created_at, updated_at";

    private final JdbcClient jdbc;

    AiSettingsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String keyContext(UUID orgId) {
        return "aisettings:" + orgId + ":apiKey";
    }

    Optional<StoredAiSettings> find(UUID orgId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM ai_settings WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query((rs, n) -> new StoredAiSettings(
                        rs.getObject("org_id", UUID.class),
                        rs.getString("provider"),
                        rs.getString("model"),
                        rs.getString("base_url"),
                        rs.getString("api_key_enc"),
                        DbTimes.instant(rs, "created_at"),
                        DbTimes.instant(rs, "updated_at")))
                .optional();
    }

    /** Inserts or replaces the organization's row (one statement each way; the caller's transaction holds both). */
    void save(StoredAiSettings s) {
        int updated = jdbc.sql("UPDATE ai_settings SET provider = :provider, model = :model, base_url = :baseUrl,"
                        + " api_key_enc = :apiKeyEnc, updated_at = :updatedAt WHERE org_id = :orgId")
                .param("provider", s.provider())
                .param("model", s.model())
                .param("baseUrl", s.baseUrl())
                .param("apiKeyEnc", s.apiKeyEnc())
                .param("updatedAt", DbTimes.utc(s.updatedAt()))
                .param("orgId", s.orgId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ai_settings (" + COLUMNS + ") VALUES (:orgId, :provider, :model, :baseUrl,"
                            + " :apiKeyEnc, :createdAt, :updatedAt)")
                    .param("orgId", s.orgId())
                    .param("provider", s.provider())
                    .param("model", s.model())
                    .param("baseUrl", s.baseUrl())
                    .param("apiKeyEnc", s.apiKeyEnc())
                    .param("createdAt", DbTimes.utc(s.createdAt()))
                    .param("updatedAt", DbTimes.utc(s.updatedAt()))
                    .update();
        }
    }

    @Override
    public List<CredentialRotation.StoredCredential> notUnderKey(String keyId, String afterId, int limit) {
        // Key ids are hex digits, so the prefix holds no LIKE wildcard. Ids are compared as UUIDs, in the database's
        // UUID order; the nil UUID sorts first.
        return jdbc.sql("SELECT org_id, api_key_enc FROM ai_settings WHERE api_key_enc IS NOT NULL"
                        + " AND api_key_enc NOT LIKE :prefix AND org_id > :after"
                        + " ORDER BY org_id FETCH FIRST :limit ROWS ONLY")
                .param("prefix", "v1:" + keyId + ":%")
                .param("after", afterId == null ? new UUID(0, 0) : UUID.fromString(afterId))
                .param("limit", limit)
                .query((rs, n) -> {
                    UUID orgId = rs.getObject("org_id", UUID.class);
                    return new CredentialRotation.StoredCredential(
                            orgId.toString(), keyContext(orgId), rs.getString("api_key_enc"));
                })
                .list();
    }

    @Override
    public boolean replace(CredentialRotation.StoredCredential credential, String reencrypted) {
        return jdbc.sql("UPDATE ai_settings SET api_key_enc = :fresh WHERE org_id = :orgId AND api_key_enc = :old")
                        .param("fresh", reencrypted)
                        .param("orgId", UUID.fromString(credential.id()))
                        .param("old", credential.ciphertext())
                        .update()
                > 0;
    }
}
