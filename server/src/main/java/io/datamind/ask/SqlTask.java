package io.datamind.ask;

import io.datamind.linking.SchemaContext;
import io.datamind.query.DatabaseType;
import io.datamind.schema.SchemaSnapshot;
import java.util.List;
import java.util.UUID;

/**
 * Everything an author may use to write the SQL for one question.
 *
 * @param schema the part of the schema chosen for the question; null for authors that read the whole snapshot
 * @param history the earlier turns of the conversation, oldest first
 * @param examples verified question and SQL pairs of the connection, most similar first
 */
record SqlTask(
        UUID orgId,
        UUID connectionId,
        String question,
        DatabaseType databaseType,
        SchemaSnapshot snapshot,
        SchemaContext schema,
        List<Turn> history,
        List<VerifiedExample> examples) {

    /** One earlier question of the conversation: what was asked, the SQL that answered it and what came back. */
    record Turn(String question, String sql, String summary) {}
}
