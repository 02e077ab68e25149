package io.datamind.schema;

import io.datamind.common.DbTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** One JSON document per connection, so reading a whole schema is one row, whatever its size. */
@Repository
class SchemaSnapshotRepository {

    record SyncRow(String status, String error, int tableCount, Instant syncedAt) {}

    record Due(UUID orgId, UUID connectionId) {}

    private final JdbcClient jdbc;
    private final JsonMapper json = JsonMapper.builder().build();

    SchemaSnapshotRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the connection's snapshot in one transaction. */
    @Transactional
    void save(UUID orgId, SchemaSnapshot snapshot) {
        jdbc.sql("DELETE FROM schema_snapshots WHERE connection_id = :id AND org_id = :orgId")
                .param("id", snapshot.connectionId())
                .param("orgId", orgId)
                .update();
        jdbc.sql("INSERT INTO schema_snapshots (connection_id, org_id, status, error, table_count, snapshot,"
                        + " discovered_at, synced_at) VALUES (:id, :orgId, 'done', NULL, :count, :snapshot, :at, :at)")
                .param("id", snapshot.connectionId())
                .param("orgId", orgId)
                .param("count", (long) snapshot.tables().size())
                .param("snapshot", json.writeValueAsString(snapshot))
                .param("at", DbTimes.utc(snapshot.discoveredAt()))
                .update();
    }

    /** Records a failed sync, keeping any earlier snapshot. */
    @Transactional
    void saveFailure(UUID orgId, UUID connectionId, String error, Instant at) {
        int updated = jdbc.sql("UPDATE schema_snapshots SET status = 'failed', error = :error, synced_at = :at"
                        + " WHERE connection_id = :id AND org_id = :orgId")
                .param("id", connectionId)
                .param("orgId", orgId)
                .param("error", error)
                .param("at", DbTimes.utc(at))
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO schema_snapshots (connection_id, org_id, status, error, table_count, snapshot,"
                            + " discovered_at, synced_at) VALUES (:id, :orgId, 'failed', :error, 0, NULL, NULL, :at)")
                    .param("id", connectionId)
                    .param("orgId", orgId)
                    .param("error", error)
                    .param("at", DbTimes.utc(at))
                    .update();
        }
    }

    /**
     * Connections of every organization never synced, or last synced (successfully or not) before {@code cutoff},
     * the longest waiting first. Reads {@code connections}, whose rows the snapshots already reference.
     */
    List<Due> dueForResync(Instant cutoff, int limit) {
        return jdbc.sql("SELECT c.org_id, c.id FROM connections c"
                        + " LEFT JOIN schema_snapshots s ON s.connection_id = c.id"
                        + " WHERE s.synced_at IS NULL OR s.synced_at < :cutoff"
                        + " ORDER BY s.synced_at NULLS FIRST, c.id FETCH FIRST :limit ROWS ONLY")
                .param("cutoff", DbTimes.utc(cutoff))
                .param("limit", limit)
                .query((rs, row) -> new Due(rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class)))
                .list();
    }

    Optional<SyncRow> syncRow(UUID orgId, UUID connectionId) {
        return jdbc.sql("SELECT status, error, table_count, synced_at FROM schema_snapshots"
                        + " WHERE connection_id = :id AND org_id = :orgId")
                .param("id", connectionId)
                .param("orgId", orgId)
                .query((rs, row) -> new SyncRow(
                        rs.getString("status"),
                        rs.getString("error"),
                        (int) rs.getLong("table_count"),
                        DbTimes.instant(rs, "synced_at")))
                .optional();
    }

    /** When the stored snapshot was discovered; empty when there is none (yet, or in this organization). */
    Optional<Instant> discoveredAt(UUID orgId, UUID connectionId) {
        return jdbc.sql("SELECT discovered_at FROM schema_snapshots"
                        + " WHERE connection_id = :id AND org_id = :orgId AND snapshot IS NOT NULL")
                .param("id", connectionId)
                .param("orgId", orgId)
                .query((rs, row) -> DbTimes.instant(rs, "discovered_at"))
                .optional();
    }

    Optional<SchemaSnapshot> snapshot(UUID orgId, UUID connectionId) {
        return snapshotJson(orgId, connectionId).map(text -> json.readValue(text, SchemaSnapshot.class));
    }

    /** The snapshot as stored: the JSON of {@link SchemaSnapshot}, as the API would write it. */
    Optional<String> snapshotJson(UUID orgId, UUID connectionId) {
        return jdbc.sql("SELECT snapshot FROM schema_snapshots"
                        + " WHERE connection_id = :id AND org_id = :orgId AND snapshot IS NOT NULL")
                .param("id", connectionId)
                .param("orgId", orgId)
                .query(String.class)
                .optional();
    }
}
