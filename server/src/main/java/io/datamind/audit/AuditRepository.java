package io.datamind.audit;

import io.datamind.common.DbTimes;
import io.datamind.common.PageQuery;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Insert and read only: the log is append-only. Reads are always scoped to one organization. */
@Repository
class AuditRepository {

    private static final String COLUMNS =
            "id, action, user_id, user_email, target_type, target_id, ip, user_agent, request_id, details, created_at";

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(UUID orgId, AuditEntry entry) {
        jdbc.sql("INSERT INTO audit_log (id, org_id, user_id, user_email, action, target_type, target_id, ip,"
                        + " user_agent, request_id, details, created_at) VALUES (:id, :orgId, :userId, :userEmail,"
                        + " :action, :targetType, :targetId, :ip, :userAgent, :requestId, :details, :createdAt)")
                .param("id", entry.id())
                .param("orgId", orgId)
                .param("userId", entry.userId())
                .param("userEmail", entry.userEmail())
                .param("action", entry.action())
                .param("targetType", entry.targetType())
                .param("targetId", entry.targetId())
                .param("ip", entry.ip())
                .param("userAgent", entry.userAgent())
                .param("requestId", entry.requestId())
                .param("details", entry.details())
                .param("createdAt", DbTimes.utc(entry.createdAt()))
                .update();
    }

    List<AuditEntry> find(UUID orgId, Filter filter, PageQuery page) {
        Where where = where(orgId, filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT " + COLUMNS + " FROM audit_log WHERE " + where.sql()
                + " ORDER BY created_at DESC, id DESC LIMIT :limit OFFSET :offset");
        where.params().forEach(statement::param);
        return statement
                .param("limit", page.limit())
                .param("offset", page.offset())
                .query(AuditRepository::map)
                .list();
    }

    long count(UUID orgId, Filter filter) {
        Where where = where(orgId, filter);
        JdbcClient.StatementSpec statement = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE " + where.sql());
        where.params().forEach(statement::param);
        return statement.query(Long.class).single();
    }

    private static Where where(UUID orgId, Filter filter) {
        List<String> conditions = new ArrayList<>(List.of("org_id = :orgId"));
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("orgId", orgId);
        if (filter.action() != null) {
            conditions.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.userId() != null) {
            conditions.add("user_id = :userId");
            params.put("userId", filter.userId());
        }
        if (filter.from() != null) {
            conditions.add("created_at >= :from");
            params.put("from", DbTimes.utc(filter.from()));
        }
        if (filter.to() != null) {
            conditions.add("created_at < :to");
            params.put("to", DbTimes.utc(filter.to()));
        }
        return new Where(String.join(" AND ", conditions), params);
    }

    private static AuditEntry map(ResultSet rs, int row) throws SQLException {
        return new AuditEntry(
                rs.getObject("id", UUID.class),
                rs.getString("action"),
                rs.getObject("user_id", UUID.class),
                rs.getString("user_email"),
                rs.getString("target_type"),
                rs.getString("target_id"),
                rs.getString("ip"),
                rs.getString("user_agent"),
                rs.getString("request_id"),
                rs.getString("details"),
                DbTimes.instant(rs, "created_at"));
    }

    /** Optional filters; {@code from} inclusive, {@code to} exclusive. */
    record Filter(String action, UUID userId, Instant from, Instant to) {}

    private record Where(String sql, Map<String, Object> params) {}
}
