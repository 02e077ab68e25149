package io.datamind.datasource;

import io.datamind.common.DbTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** One glossary document per connection, scoped by organization like every connection query. */
@Repository
class GlossaryRepository {

    private static final TypeReference<List<GlossaryTerm>> TERMS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    GlossaryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Glossary> find(UUID orgId, UUID connectionId) {
        return jdbc.sql("SELECT terms, updated_at FROM glossaries WHERE connection_id = :id AND org_id = :orgId")
                .param("id", connectionId)
                .param("orgId", orgId)
                .query((rs, row) ->
                        new Glossary(json.readValue(rs.getString("terms"), TERMS), DbTimes.instant(rs, "updated_at")))
                .optional();
    }

    void save(UUID orgId, UUID connectionId, List<GlossaryTerm> terms, UUID userId, Instant at) {
        String document = json.writeValueAsString(terms);
        int updated = jdbc.sql("UPDATE glossaries SET terms = :terms, updated_at = :at, updated_by = :userId"
                        + " WHERE connection_id = :id AND org_id = :orgId")
                .param("id", connectionId)
                .param("orgId", orgId)
                .param("terms", document)
                .param("at", DbTimes.utc(at))
                .param("userId", userId)
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO glossaries (connection_id, org_id, terms, updated_at, updated_by)"
                            + " VALUES (:id, :orgId, :terms, :at, :userId)")
                    .param("id", connectionId)
                    .param("orgId", orgId)
                    .param("terms", document)
                    .param("at", DbTimes.utc(at))
                    .param("userId", userId)
                    .update();
        }
    }
}
