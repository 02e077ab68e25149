package io.datamind.ask;

/** What an author made of a question. */
sealed interface Draft {

    /**
     * A query to check and run.
     *
     * @param sql the query, or null when the answer held none
     * @param reasoning how the question was read; may be null
     * @param chart the chart type the author suggests; null for none
     * @param confidence the offline engine's confidence in its reading of the question, 0 to 1; null for a model's
     *     SQL (models report none) and for a reused verified query
     */
    record Sql(String sql, String reasoning, String chart, Double confidence) implements Draft {

        Sql(String sql, String reasoning, String chart) {
            this(sql, reasoning, chart, null);
        }
    }

    /** No query: the author would rather not guess. The message says why and what to do, safe to show. */
    record Declined(String message) implements Draft {}
}
