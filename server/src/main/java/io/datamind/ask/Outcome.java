package io.datamind.ask;

import io.datamind.query.QueryResult;
import java.util.List;

/** What the pipeline made of a question so far; filled stage by stage, then stored as the answer. */
final class Outcome {

    static final String ANSWERED = "answered";
    static final String DECLINED = "declined";
    static final String FAILED = "failed";

    String status = ANSWERED;
    String message;
    String sql;
    String reasoning;
    /** The offline engine's confidence in the SQL; null for a model's SQL. */
    Double confidence;

    QueryResult result;
    ChartSpec chart;
    String analysis;
    List<String> followUps = List.of();
    int attempts;
    /** Whether the SQL came from a verified example rather than an author. */
    boolean reused;

    Outcome end(String status, String message) {
        this.status = status;
        this.message = message;
        return this;
    }
}
