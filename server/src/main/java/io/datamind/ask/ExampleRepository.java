package io.datamind.ask;

import io.datamind.common.DbTimes;
import io.datamind.query.SqlHashes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Verified question and SQL pairs, one per normalized question and connection. */
@Repository
class ExampleRepository {

    /** The newest examples considered for similarity; older ones are rarely the best match and cost time. */
    static final int CANDIDATES = 500;

    private final JdbcClient jdbc;

    ExampleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<VerifiedExample> exact(UUID orgId, UUID connectionId, String normalizedQuestion) {
        return jdbc.sql("SELECT id, question, sql_text FROM verified_examples"
                        + " WHERE org_id = :orgId AND connection_id = :connectionId AND normalized_hash = :hash")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("hash", SqlHashes.sha256(normalizedQuestion))
                .query((rs, row) -> new VerifiedExample(
                        rs.getObject("id", UUID.class), rs.getString("question"), rs.getString("sql_text")))
                .optional();
    }

    List<VerifiedExample> newest(UUID orgId, UUID connectionId) {
        return jdbc.sql("SELECT id, question, sql_text FROM verified_examples"
                        + " WHERE org_id = :orgId AND connection_id = :connectionId"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("limit", CANDIDATES)
                .query((rs, row) -> new VerifiedExample(
                        rs.getObject("id", UUID.class), rs.getString("question"), rs.getString("sql_text")))
                .list();
    }

    /** Saves the pair, replacing the SQL of an earlier example for the same question; returns the example's id. */
    UUID upsert(
            UUID orgId,
            UUID connectionId,
            String question,
            String normalizedQuestion,
            String sql,
            UUID sourceMessageId,
            UUID userId,
            Instant at) {
        String hash = SqlHashes.sha256(normalizedQuestion);
        Optional<UUID> existing = jdbc.sql("SELECT id FROM verified_examples"
                        + " WHERE connection_id = :connectionId AND normalized_hash = :hash")
                .param("connectionId", connectionId)
                .param("hash", hash)
                .query(UUID.class)
                .optional();
        if (existing.isPresent()) {
            jdbc.sql("UPDATE verified_examples SET question = :question, sql_text = :sql,"
                            + " source_message_id = :messageId, created_by = :userId, created_at = :at WHERE id = :id")
                    .param("question", question)
                    .param("sql", sql)
                    .param("messageId", sourceMessageId)
                    .param("userId", userId)
                    .param("at", DbTimes.utc(at))
                    .param("id", existing.get())
                    .update();
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO verified_examples (id, org_id, connection_id, question, normalized_question,"
                        + " normalized_hash, sql_text, source_message_id, created_by, created_at) VALUES (:id, :orgId,"
                        + " :connectionId, :question, :normalized, :hash, :sql, :messageId, :userId, :at)")
                .param("id", id)
                .param("orgId", orgId)
                .param("connectionId", connectionId)
                .param("question", question)
                .param("normalized", normalizedQuestion)
                .param("hash", hash)
                .param("sql", sql)
                .param("messageId", sourceMessageId)
                .param("userId", userId)
                .param("at", DbTimes.utc(at))
                .update();
        return id;
    }

    /** Removes the example a message's thumbs-up created, when the same member takes it back. */
    int deleteFromMessage(UUID orgId, UUID messageId) {
        return jdbc.sql("DELETE FROM verified_examples WHERE org_id = :orgId AND source_message_id = :messageId")
                .param("orgId", orgId)
                .param("messageId", messageId)
                .update();
    }
}
