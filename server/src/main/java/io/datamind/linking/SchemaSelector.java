package io.datamind.linking;

import io.datamind.schema.SchemaSnapshot;
import java.util.Map;

/**
 * Chooses the part of a connection's schema to show a model for one question: the whole schema when it fits the
 * budget, otherwise the tables that match the question's words and meaning plus the foreign-key neighbours that
 * join them.
 */
public interface SchemaSelector {

    /**
     * @param snapshot the connection's schema, from {@code SchemaSnapshots.latest(orgId, connectionId)}; its
     *     connection id finds the embeddings stored after the schema's sync (none yet: words only)
     * @param tokenBudget the most tokens the rendered context may take (characters / 4)
     * @param glossary the organization's words for schema things ({@code Glossaries.of}); may be empty
     * @return the tables (with only the chosen columns) and their rendering for a prompt
     */
    SchemaContext select(SchemaSnapshot snapshot, String question, int tokenBudget, Map<String, String> glossary);

    /** {@link #select(SchemaSnapshot, String, int, Map)} without a glossary. */
    default SchemaContext select(SchemaSnapshot snapshot, String question, int tokenBudget) {
        return select(snapshot, question, tokenBudget, Map.of());
    }
}
