package io.datamind.ask;

import io.datamind.common.DbTimes;
import io.datamind.common.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sessions and their messages. Every read and change names the organization and the member: a session is private to
 * the member who started it.
 */
@Repository
class ChatRepository {

    private static final String SESSION_COLUMNS = "id, connection_id, title, created_at, updated_at, last_message_at";
    private static final String MESSAGE_COLUMNS = "id, session_id, connection_id, question, status, message, sql_text,"
            + " reasoning, columns_json, rows_json, row_count, truncated, chart_json, analysis, follow_ups_json,"
            + " sql_input_tokens, sql_output_tokens, analysis_input_tokens, analysis_output_tokens, timings_json,"
            + " attempts, confidence, provider, model, created_at";

    private static final TypeReference<List<ChatAnswer.Column>> COLUMNS = new TypeReference<>() {};
    private static final TypeReference<List<List<Object>>> ROWS = new TypeReference<>() {};
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {};
    private static final TypeReference<Map<String, Long>> TIMINGS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    ChatRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A message of the member's own sessions, for feedback.
     *
     * @param followUp whether an earlier message of its session came before it
     */
    record OwnedMessage(
            UUID id, UUID sessionId, UUID connectionId, String question, String status, String sql, boolean followUp) {}

    void insertSession(UUID orgId, UUID userId, ChatSession session) {
        jdbc.sql("INSERT INTO chat_sessions (id, org_id, user_id, connection_id, title, created_at, updated_at,"
                        + " last_message_at) VALUES (:id, :orgId, :userId, :connectionId, :title, :createdAt,"
                        + " :updatedAt, :lastMessageAt)")
                .param("id", session.id())
                .param("orgId", orgId)
                .param("userId", userId)
                .param("connectionId", session.connectionId())
                .param("title", session.title())
                .param("createdAt", DbTimes.utc(session.createdAt()))
                .param("updatedAt", DbTimes.utc(session.updatedAt()))
                .param("lastMessageAt", DbTimes.utc(session.lastMessageAt()))
                .update();
    }

    Optional<ChatSession> findSession(UUID orgId, UUID userId, UUID sessionId) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS
                        + " FROM chat_sessions WHERE id = :id AND org_id = :orgId AND user_id = :userId")
                .param("id", sessionId)
                .param("orgId", orgId)
                .param("userId", userId)
                .query(ChatRepository::session)
                .optional();
    }

    /** The member's sessions, most recently active (by their latest message) first. */
    List<ChatSession> sessions(UUID orgId, UUID userId, PageQuery page) {
        return jdbc.sql("SELECT " + SESSION_COLUMNS + " FROM chat_sessions WHERE org_id = :orgId AND user_id = :userId"
                        + " ORDER BY last_message_at DESC, id DESC LIMIT :limit OFFSET :offset")
                .param("orgId", orgId)
                .param("userId", userId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(ChatRepository::session)
                .list();
    }

    long countSessions(UUID orgId, UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_sessions WHERE org_id = :orgId AND user_id = :userId")
                .param("orgId", orgId)
                .param("userId", userId)
                .query(Long.class)
                .single();
    }

    /** Changes the title, not the time of the last message: a rename is not activity, so the session keeps its place. */
    boolean rename(UUID orgId, UUID userId, UUID sessionId, String title, Instant at) {
        return jdbc.sql("UPDATE chat_sessions SET title = :title, updated_at = :at"
                                + " WHERE id = :id AND org_id = :orgId AND user_id = :userId")
                        .param("title", title)
                        .param("at", DbTimes.utc(at))
                        .param("id", sessionId)
                        .param("orgId", orgId)
                        .param("userId", userId)
                        .update()
                == 1;
    }

    /** A new message in the session: it moves to the top of the list. */
    void touch(UUID sessionId, Instant at) {
        jdbc.sql("UPDATE chat_sessions SET updated_at = :at, last_message_at = :at WHERE id = :id")
                .param("at", DbTimes.utc(at))
                .param("id", sessionId)
                .update();
    }

    boolean deleteSession(UUID orgId, UUID userId, UUID sessionId) {
        return jdbc.sql("DELETE FROM chat_sessions WHERE id = :id AND org_id = :orgId AND user_id = :userId")
                        .param("id", sessionId)
                        .param("orgId", orgId)
                        .param("userId", userId)
                        .update()
                == 1;
    }

    void insertMessage(UUID orgId, ChatAnswer answer, String resultSummary) {
        jdbc.sql("INSERT INTO chat_messages (" + MESSAGE_COLUMNS + ", org_id, result_summary) VALUES (:id,"
                        + " :sessionId, :connectionId, :question, :status, :message, :sql, :reasoning, :columns,"
                        + " :rows, :rowCount, :truncated, :chart, :analysis, :followUps, :sqlIn, :sqlOut,"
                        + " :analysisIn, :analysisOut, :timings, :attempts, :confidence, :provider, :model, :createdAt, :orgId,"
                        + " :summary)")
                .param("id", answer.messageId())
                .param("sessionId", answer.sessionId())
                .param("connectionId", answer.connectionId())
                .param("question", answer.question())
                .param("status", answer.status())
                .param("message", answer.message())
                .param("sql", answer.sql())
                .param("reasoning", answer.reasoning())
                .param("columns", json.writeValueAsString(answer.columns()))
                .param("rows", json.writeValueAsString(answer.rows()))
                .param("rowCount", answer.rowCount())
                .param("truncated", answer.truncated())
                .param("chart", answer.chart() == null ? null : json.writeValueAsString(answer.chart()))
                .param("analysis", answer.analysis())
                .param("followUps", json.writeValueAsString(answer.followUps()))
                .param("sqlIn", answer.tokens().sqlGeneration().input())
                .param("sqlOut", answer.tokens().sqlGeneration().output())
                .param("analysisIn", answer.tokens().analysis().input())
                .param("analysisOut", answer.tokens().analysis().output())
                .param("timings", json.writeValueAsString(answer.timings()))
                .param("attempts", answer.attempts())
                .param("confidence", answer.confidence())
                .param("provider", answer.provider())
                .param("model", answer.model())
                .param("createdAt", DbTimes.utc(answer.createdAt()))
                .param("orgId", orgId)
                .param("summary", resultSummary)
                .update();
    }

    /** Messages of one of the member's sessions, oldest first, each with the member's rating. */
    List<ChatAnswer> messages(UUID sessionId, PageQuery page) {
        return jdbc.sql("SELECT " + MESSAGE_COLUMNS
                        + ", feedback_rating FROM chat_messages WHERE session_id = :sessionId"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("sessionId", sessionId)
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(this::answer)
                .list();
    }

    long countMessages(UUID sessionId) {
        return jdbc.sql("SELECT COUNT(*) FROM chat_messages WHERE session_id = :sessionId")
                .param("sessionId", sessionId)
                .query(Long.class)
                .single();
    }

    /** The latest turns of a session, oldest first: what the next question's prompt carries. */
    List<SqlTask.Turn> lastTurns(UUID sessionId, int turns) {
        if (turns == 0) {
            return List.of();
        }
        List<SqlTask.Turn> newestFirst = jdbc.sql("SELECT question, sql_text, status, message, result_summary"
                        + " FROM chat_messages WHERE session_id = :sessionId"
                        + " ORDER BY created_at DESC, id DESC LIMIT :limit")
                .param("sessionId", sessionId)
                .param("limit", turns)
                .query((rs, row) -> new SqlTask.Turn(
                        rs.getString("question"),
                        rs.getString("sql_text"),
                        rs.getString("result_summary") != null
                                ? rs.getString("result_summary")
                                : rs.getString("status") + ": " + rs.getString("message")))
                .list();
        List<SqlTask.Turn> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    /** The questions of a message's session up to and including it, oldest first. */
    List<String> questionsUpTo(UUID sessionId, UUID messageId) {
        return jdbc.sql("SELECT q.question FROM chat_messages q JOIN chat_messages m ON m.id = :messageId"
                        + " WHERE q.session_id = :sessionId AND (q.created_at < m.created_at OR q.id = m.id)"
                        + " ORDER BY q.created_at, q.id")
                .param("sessionId", sessionId)
                .param("messageId", messageId)
                .query(String.class)
                .list();
    }

    Optional<OwnedMessage> findOwnedMessage(UUID orgId, UUID userId, UUID messageId) {
        return jdbc.sql("SELECT m.id, m.session_id, m.connection_id, m.question, m.status, m.sql_text,"
                        + " EXISTS (SELECT 1 FROM chat_messages e WHERE e.session_id = m.session_id"
                        + " AND e.created_at < m.created_at) AS follow_up"
                        + " FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id"
                        + " WHERE m.id = :id AND s.org_id = :orgId AND s.user_id = :userId")
                .param("id", messageId)
                .param("orgId", orgId)
                .param("userId", userId)
                .query((rs, row) -> new OwnedMessage(
                        rs.getObject("id", UUID.class),
                        rs.getObject("session_id", UUID.class),
                        rs.getObject("connection_id", UUID.class),
                        rs.getString("question"),
                        rs.getString("status"),
                        rs.getString("sql_text"),
                        rs.getBoolean("follow_up")))
                .optional();
    }

    void saveFeedback(UUID messageId, String rating, String comment) {
        jdbc.sql("UPDATE chat_messages SET feedback_rating = :rating, feedback_comment = :comment WHERE id = :id")
                .param("rating", rating)
                .param("comment", comment)
                .param("id", messageId)
                .update();
    }

    private static ChatSession session(ResultSet rs, int row) throws SQLException {
        return new ChatSession(
                rs.getObject("id", UUID.class),
                rs.getObject("connection_id", UUID.class),
                rs.getString("title"),
                DbTimes.instant(rs, "created_at"),
                DbTimes.instant(rs, "updated_at"),
                DbTimes.instant(rs, "last_message_at"));
    }

    private ChatAnswer answer(ResultSet rs, int row) throws SQLException {
        String chart = rs.getString("chart_json");
        return new ChatAnswer(
                rs.getObject("session_id", UUID.class),
                rs.getObject("id", UUID.class),
                rs.getObject("connection_id", UUID.class),
                rs.getString("question"),
                rs.getString("status"),
                rs.getString("message"),
                rs.getString("sql_text"),
                rs.getString("reasoning"),
                json.readValue(rs.getString("columns_json"), COLUMNS),
                json.readValue(rs.getString("rows_json"), ROWS),
                rs.getLong("row_count"),
                rs.getBoolean("truncated"),
                chart == null ? null : json.readValue(chart, ChartSpec.class),
                rs.getString("analysis"),
                json.readValue(rs.getString("follow_ups_json"), STRINGS),
                new ChatAnswer.Tokens(
                        new ChatAnswer.Usage(rs.getLong("sql_input_tokens"), rs.getLong("sql_output_tokens")),
                        new ChatAnswer.Usage(
                                rs.getLong("analysis_input_tokens"), rs.getLong("analysis_output_tokens"))),
                json.readValue(rs.getString("timings_json"), TIMINGS),
                rs.getInt("attempts"),
                rs.getObject("confidence", Double.class),
                rs.getString("provider"),
                rs.getString("model"),
                DbTimes.instant(rs, "created_at"),
                rs.getString("feedback_rating"));
    }
}
