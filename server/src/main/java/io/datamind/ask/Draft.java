package io.datamind.ask;

/** What an author made of a question. */
sealed interface Draft {

    /**
     * A query to check and run.
     *
     * @param sql the query, or null when the answer held none
     * @param reasoning how the question was read; may be null
     * @param chart the chart type the author suggests; null for none
     */
    record Sql(String sql, String reasoning, String chart) implements Draft {}

    /** No query: the author would rather not guess. The message says why and what to do, safe to show. */
    record Declined(String message) implements Draft {}
}
