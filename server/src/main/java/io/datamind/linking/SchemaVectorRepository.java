package io.datamind.linking;

import io.datamind.common.DbTimes;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Stored table and column embeddings, one row per item; a connection's rows go with it. */
@Repository
class SchemaVectorRepository {

    record NewVector(String key, String hash, float[] vector) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    SchemaVectorRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Item key to the hash of the text its vector was computed from. */
    Map<String, String> hashes(UUID connectionId) {
        Map<String, String> hashes = new HashMap<>();
        jdbc.sql("SELECT item_key, text_hash FROM schema_embeddings WHERE connection_id = :id")
                .param("id", connectionId)
                .query(rs -> {
                    hashes.put(rs.getString("item_key"), rs.getString("text_hash"));
                });
        return hashes;
    }

    SchemaVectors load(UUID connectionId) {
        Map<String, float[]> vectors = new HashMap<>();
        jdbc.sql("SELECT item_key, vector FROM schema_embeddings WHERE connection_id = :id")
                .param("id", connectionId)
                .query(rs -> {
                    vectors.put(rs.getString("item_key"), decode(rs.getBytes("vector")));
                });
        return vectors.isEmpty() ? SchemaVectors.NONE : new SchemaVectors(vectors);
    }

    /** Removes the given items and stores the new ones, in one transaction. */
    @Transactional
    void replace(UUID orgId, UUID connectionId, Collection<String> removed, List<NewVector> added, Instant at) {
        if (!removed.isEmpty()) {
            batch.batchUpdate(
                    "DELETE FROM schema_embeddings WHERE connection_id = :id AND item_key = :key",
                    removed.stream()
                            .map(key -> new MapSqlParameterSource()
                                    .addValue("id", connectionId)
                                    .addValue("key", key))
                            .toArray(SqlParameterSource[]::new));
        }
        if (!added.isEmpty()) {
            batch.batchUpdate(
                    "INSERT INTO schema_embeddings (connection_id, org_id, item_key, text_hash, vector, created_at)"
                            + " VALUES (:id, :orgId, :key, :hash, :vector, :at)",
                    added.stream()
                            .map(v -> new MapSqlParameterSource()
                                    .addValue("id", connectionId)
                                    .addValue("orgId", orgId)
                                    .addValue("key", v.key())
                                    .addValue("hash", v.hash())
                                    .addValue("vector", encode(v.vector()))
                                    .addValue("at", DbTimes.utc(at)))
                            .toArray(SqlParameterSource[]::new));
        }
    }

    void deleteAll(UUID connectionId) {
        jdbc.sql("DELETE FROM schema_embeddings WHERE connection_id = :id")
                .param("id", connectionId)
                .update();
    }

    static byte[] encode(float[] vector) {
        ByteBuffer buffer = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asFloatBuffer().put(vector);
        return buffer.array();
    }

    static float[] decode(byte[] bytes) {
        float[] vector = new float[bytes.length / 4];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(vector);
        return vector;
    }
}
