package io.datamind.ask;

import io.datamind.query.DataSourceTarget;
import io.datamind.schema.SchemaSnapshot;
import java.util.UUID;

/**
 * An accepted question with what answering it needs.
 *
 * @param session the conversation it continues; null when it starts one
 * @param queryId the id the query runs under, so cancelling stops it
 */
record Question(
        UUID orgId,
        UUID userId,
        UUID connectionId,
        String text,
        ChatSession session,
        DataSourceTarget target,
        SchemaSnapshot snapshot,
        String queryId) {}
