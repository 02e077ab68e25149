package io.datamind.ask;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One answer, as REST returns it, the streams send it last ({@code chat_response}) and the session history lists it.
 *
 * @param status {@code answered}, {@code declined} (the provider would not answer, or the budget is exhausted) or
 *     {@code failed} (the provider, the check or the database failed, or the question was cancelled)
 * @param message for declined and failed answers, what happened and what to do, safe to show; null when answered
 * @param reasoning how the question was read (the model's reasoning, or the offline engine's explanation)
 * @param rows the first 100 rows
 * @param rowCount rows the query returned (up to the runner's row limit)
 * @param truncated whether the runner stopped at its row or byte limit
 * @param timings milliseconds per stage, in pipeline order (a repeated stage adds up), and {@code total}
 * @param attempts SQL generation attempts: 1, or more after repairs; 0 when a verified example's SQL was reused
 * @param confidence the offline engine's confidence in the SQL it wrote, 0 to 1 (how much of the question it linked
 *     to the schema and understood); null for AI providers, reused verified queries and answers without SQL
 * @param feedback the member's latest rating of this answer, {@code up} or {@code down}; null until rated, and so
 *     always null in a fresh answer (the REST reply and the streamed {@code chat_response}); the session history
 *     carries it so the thumbs show as they were left
 */
public record ChatAnswer(
        UUID sessionId,
        UUID messageId,
        UUID connectionId,
        String question,
        String status,
        String message,
        String sql,
        String reasoning,
        List<Column> columns,
        List<List<Object>> rows,
        long rowCount,
        boolean truncated,
        ChartSpec chart,
        String analysis,
        List<String> followUps,
        Tokens tokens,
        Map<String, Long> timings,
        int attempts,
        Double confidence,
        String provider,
        String model,
        Instant createdAt,
        String feedback) {

    /**
     * A result column.
     *
     * @param category number, integer, text, boolean, date, timestamp, time, binary or other
     */
    public record Column(String name, String type, String category) {}

    /** Tokens the provider reported, per phase; zeros for the offline engine and cached answers. */
    public record Tokens(Usage sqlGeneration, Usage analysis) {

        public static final Tokens NONE = new Tokens(Usage.NONE, Usage.NONE);
    }

    public record Usage(long input, long output) {

        public static final Usage NONE = new Usage(0, 0);
    }
}
