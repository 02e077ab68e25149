package io.datamind.org;

import io.datamind.common.DbTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganizationRepository {

    private final JdbcClient jdbc;

    OrganizationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Organization organization) {
        jdbc.sql("INSERT INTO organizations (id, name, slug, created_at, updated_at)"
                        + " VALUES (:id, :name, :slug, :now, :now)")
                .param("id", organization.id())
                .param("name", organization.name())
                .param("slug", organization.slug())
                .param("now", DbTimes.utc(organization.createdAt()))
                .update();
    }

    Optional<Organization> find(UUID id) {
        return jdbc.sql("SELECT id, name, slug, created_at FROM organizations WHERE id = :id")
                .param("id", id)
                .query(OrganizationRepository::map)
                .optional();
    }

    boolean slugTaken(String slug) {
        return jdbc.sql("SELECT COUNT(*) FROM organizations WHERE slug = :slug")
                        .param("slug", slug)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static Organization map(ResultSet rs, int row) throws SQLException {
        return new Organization(
                rs.getObject("id", UUID.class),
                rs.getString("name"),
                rs.getString("slug"),
                DbTimes.instant(rs, "created_at"));
    }
}
