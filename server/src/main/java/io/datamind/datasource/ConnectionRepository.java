package io.datamind.datasource;

import io.datamind.common.DbTimes;
import io.datamind.common.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query is scoped by organization: another organization's id simply is not found. The exception is master-key
 * rotation, which walks every organization's stored passwords as a {@link CredentialRotation.Store}.
 */
@Repository
class ConnectionRepository implements CredentialRotation.Store {

    private static final TypeReference<Map<String, String>> PROPERTIES = new TypeReference<>() {};
    private static final String COLUMNS = "id, org_id, name, type, host, port, database_name, username, password_enc,"
            + " ssl_mode, properties, file_path, managed, managed_kind, created_at, updated_at";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ConnectionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.json = JsonMapper.builder().build();
    }

    void insert(StoredConnection c) {
        jdbc.sql("INSERT INTO connections (" + COLUMNS + ") VALUES (:id, :orgId, :name, :type, :host, :port,"
                        + " :database, :username, :passwordEnc, :sslMode, :properties, :filePath, :managed,"
                        + " :managedKind, :createdAt, :updatedAt)")
                .params(params(c))
                .update();
    }

    void update(StoredConnection c) {
        jdbc.sql("UPDATE connections SET name = :name, type = :type, host = :host, port = :port,"
                        + " database_name = :database, username = :username, password_enc = :passwordEnc,"
                        + " ssl_mode = :sslMode, properties = :properties, file_path = :filePath,"
                        + " updated_at = :updatedAt WHERE id = :id AND org_id = :orgId")
                .params(params(c))
                .update();
    }

    boolean delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM connections WHERE id = :id AND org_id = :orgId")
                        .param("id", id)
                        .param("orgId", orgId)
                        .update()
                > 0;
    }

    Optional<StoredConnection> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE id = :id AND org_id = :orgId")
                .param("id", id)
                .param("orgId", orgId)
                .query(this::map)
                .optional();
    }

    Optional<StoredConnection> findManaged(UUID orgId, ManagedKind kind) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE org_id = :orgId AND managed_kind = :kind")
                .param("orgId", orgId)
                .param("kind", kind.id())
                .query(this::map)
                .optional();
    }

    boolean nameTaken(UUID orgId, String name, UUID exceptId) {
        return jdbc.sql("SELECT COUNT(*) FROM connections WHERE org_id = :orgId AND LOWER(name) = LOWER(:name)"
                                + " AND id <> :exceptId")
                        .param("orgId", orgId)
                        .param("name", name)
                        .param("exceptId", exceptId == null ? new UUID(0, 0) : exceptId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    List<StoredConnection> list(UUID orgId, PageQuery page) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM connections WHERE org_id = :orgId"
                        + " ORDER BY managed DESC, LOWER(name), id OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
                .param("orgId", orgId)
                .param("offset", page.offset())
                .param("limit", page.limit())
                .query(this::map)
                .list();
    }

    long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM connections WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query(Long.class)
                .single();
    }

    @Override
    public List<CredentialRotation.StoredCredential> notUnderKey(String keyId, String afterId, int limit) {
        // Key ids are hex digits, so the prefix holds no LIKE wildcard. Ids are compared as UUIDs, in the database's
        // UUID order; the nil UUID sorts first.
        return jdbc.sql("SELECT id, password_enc FROM connections WHERE password_enc IS NOT NULL"
                        + " AND password_enc NOT LIKE :prefix AND id > :after ORDER BY id FETCH FIRST :limit ROWS ONLY")
                .param("prefix", "v1:" + keyId + ":%")
                .param("after", afterId == null ? new UUID(0, 0) : UUID.fromString(afterId))
                .param("limit", limit)
                .query((rs, n) -> {
                    UUID id = rs.getObject("id", UUID.class);
                    return new CredentialRotation.StoredCredential(
                            id.toString(), Connections.passwordContext(id), rs.getString("password_enc"));
                })
                .list();
    }

    @Override
    public boolean replace(CredentialRotation.StoredCredential credential, String reencrypted) {
        // updated_at stays: the connection's details did not change, and its pool need not be rebuilt.
        return jdbc.sql("UPDATE connections SET password_enc = :fresh WHERE id = :id AND password_enc = :old")
                        .param("fresh", reencrypted)
                        .param("id", UUID.fromString(credential.id()))
                        .param("old", credential.ciphertext())
                        .update()
                > 0;
    }

    private Map<String, Object> params(StoredConnection c) {
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("id", c.id());
        params.put("orgId", c.orgId());
        params.put("name", c.name());
        params.put("type", c.type().id());
        params.put("host", c.host());
        params.put("port", c.port() == null ? null : c.port().longValue());
        params.put("database", c.database());
        params.put("username", c.username());
        params.put("passwordEnc", c.passwordEnc());
        params.put("sslMode", c.sslMode());
        params.put("properties", json.writeValueAsString(c.properties()));
        params.put("filePath", c.filePath());
        params.put("managed", c.managed());
        params.put(
                "managedKind", c.managedKind() == null ? null : c.managedKind().id());
        params.put("createdAt", DbTimes.utc(c.createdAt()));
        params.put("updatedAt", DbTimes.utc(c.updatedAt()));
        return params;
    }

    private StoredConnection map(ResultSet rs, int row) throws SQLException {
        long port = rs.getLong("port");
        Integer portValue = rs.wasNull() ? null : (int) port;
        ConnectionType type = ConnectionType.fromId(rs.getString("type")).orElseThrow();
        return new StoredConnection(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("name"),
                type,
                rs.getString("host"),
                portValue,
                rs.getString("database_name"),
                rs.getString("username"),
                rs.getString("password_enc"),
                rs.getString("ssl_mode"),
                DriverProperties.renamed(type, json.readValue(rs.getString("properties"), PROPERTIES)),
                rs.getString("file_path"),
                ManagedKind.fromId(rs.getString("managed_kind")),
                DbTimes.instant(rs, "created_at"),
                DbTimes.instant(rs, "updated_at"));
    }
}
