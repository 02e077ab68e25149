package io.datamind.org;

import io.datamind.common.DbTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users. Every query takes the caller's organization, except the two identity look-ups that run before an
 * organization is known (sign-in by email, and resolving a token's subject).
 */
@Repository
class MemberRepository {

    private static final String COLUMNS = "id, org_id, email, full_name, role, created_at";

    private final JdbcClient jdbc;

    MemberRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Member member) {
        jdbc.sql("INSERT INTO users (id, org_id, email, full_name, role, created_at, updated_at)"
                        + " VALUES (:id, :orgId, :email, :fullName, :role, :now, :now)")
                .param("id", member.id())
                .param("orgId", member.orgId())
                .param("email", member.email())
                .param("fullName", member.fullName())
                .param("role", member.role().value())
                .param("now", DbTimes.utc(member.createdAt()))
                .update();
    }

    Optional<Member> findIdentity(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
                .param("id", id)
                .query(MemberRepository::map)
                .optional();
    }

    Optional<Member> findByEmail(String email) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
                .param("email", email)
                .query(MemberRepository::map)
                .optional();
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email = :email")
                        .param("email", email)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Member> find(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .query(MemberRepository::map)
                .optional();
    }

    /** Locks the row, so two concurrent role changes cannot leave an organization with no owner or two. */
    Optional<Member> findForUpdate(UUID orgId, UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId AND id = :id FOR UPDATE")
                .param("orgId", orgId)
                .param("id", id)
                .query(MemberRepository::map)
                .optional();
    }

    List<Member> page(UUID orgId, int offset, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE org_id = :orgId"
                        + " ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .param("orgId", orgId)
                .param("limit", limit)
                .param("offset", offset)
                .query(MemberRepository::map)
                .list();
    }

    long count(UUID orgId) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query(Long.class)
                .single();
    }

    int updateRole(UUID orgId, UUID id, Role role, Instant now) {
        return jdbc.sql("UPDATE users SET role = :role, updated_at = :now WHERE org_id = :orgId AND id = :id")
                .param("role", role.value())
                .param("now", DbTimes.utc(now))
                .param("orgId", orgId)
                .param("id", id)
                .update();
    }

    int delete(UUID orgId, UUID id) {
        return jdbc.sql("DELETE FROM users WHERE org_id = :orgId AND id = :id")
                .param("orgId", orgId)
                .param("id", id)
                .update();
    }

    private static Member map(ResultSet rs, int row) throws SQLException {
        return new Member(
                rs.getObject("id", UUID.class),
                rs.getObject("org_id", UUID.class),
                rs.getString("email"),
                rs.getString("full_name"),
                Role.fromValue(rs.getString("role")),
                DbTimes.instant(rs, "created_at"));
    }
}
