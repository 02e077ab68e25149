package io.datamind.linking;

import io.datamind.schema.SchemaSnapshot;
import java.util.Collection;
import java.util.List;
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
     * @param required tables to take before any the question's words choose, as {@code schema.table} or a bare name
     *     (the tables the earlier turns of a conversation read, so that "and by month?" keeps them); each is still
     *     subject to the budget, and names the schema does not have are ignored
     * @return the tables (with only the chosen columns) and their rendering for a prompt
     */
    SchemaContext select(
            SchemaSnapshot snapshot,
            String question,
            int tokenBudget,
            Map<String, String> glossary,
            Collection<String> required);

    /** {@link #select(SchemaSnapshot, String, int, Map, Collection)} with no required tables. */
    default SchemaContext select(
            SchemaSnapshot snapshot, String question, int tokenBudget, Map<String, String> glossary) {
        return select(snapshot, question, tokenBudget, glossary, List.of());
    }

    /** {@link #select(SchemaSnapshot, String, int, Map)} without a glossary. */
    default SchemaContext select(SchemaSnapshot snapshot, String question, int tokenBudget) {
        return select(snapshot, question, tokenBudget, Map.of());
    }
}
