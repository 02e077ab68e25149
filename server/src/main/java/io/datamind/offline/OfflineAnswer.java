package io.datamind.offline;

/** What the offline engine made of a question: a query it is confident in, or a reasoned refusal. */
public sealed interface OfflineAnswer {

    /**
     * A query.
     *
     * @param sql one SELECT statement in the requested dialect
     * @param explanation how the question was read, e.g. "Counting orders, grouped by customer country, for 2024"
     * @param confidence 0..1, from how much of the question was linked to the schema and understood
     */
    record Sql(String sql, String explanation, double confidence) implements OfflineAnswer {}

    /**
     * No query: the engine would rather not guess.
     *
     * @param reason what was not understood, naming the words or constructs
     * @param suggestion how to get an answer: a rephrasing, a glossary entry, or configuring an LLM
     */
    record Declined(String reason, String suggestion) implements OfflineAnswer {}
}
