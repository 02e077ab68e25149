package io.datamind.linking;

import io.datamind.schema.SchemaSnapshot;

/** Chooses the part of a connection's schema to show a model for one question. */
public interface SchemaSelector {

    /**
     * @param tokenBudget the most tokens the rendered context may take (characters / 4)
     * @return the tables (with only the chosen columns) and their rendering for a prompt
     */
    SchemaContext select(SchemaSnapshot snapshot, String question, int tokenBudget);
}
