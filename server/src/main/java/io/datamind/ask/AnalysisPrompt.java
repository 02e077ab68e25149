package io.datamind.ask;

import io.datamind.llm.LlmMessage;
import io.datamind.llm.LlmRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Asks a model to explain a result from the question, the SQL and a compact summary (statistics and a few sample rows,
 * never the whole result), and to suggest questions to ask next after a marker the stream hides.
 */
final class AnalysisPrompt {

    static final String FOLLOW_UPS = "<follow_ups>";
    static final int MAX_TOKENS = 700;

    private static final String SYSTEM = "You are DataMind, a data analyst who explains query results to business"
            + " people. Write two to four short sentences on what the result shows, citing concrete figures from the"
            + " summary; never invent figures that are not in it, and do not describe the SQL. Then write "
            + FOLLOW_UPS + " on its own line, two or three short follow-up questions the person might ask next"
            + " about the same data, one per line, and </follow_ups>.";

    private AnalysisPrompt() {}

    static LlmRequest request(AnalysisTask task) {
        String user = "Question: " + task.question().question().strip() + "\n\nSQL:\n"
                + task.sql().strip() + "\n\nResult summary:\n" + ResultSummaries.detailed(task.result());
        return new LlmRequest(SYSTEM, List.of(LlmMessage.user(user)), MAX_TOKENS, 0.2);
    }

    /** The narrative and the follow-up questions of the model's whole answer. */
    static Narrative parse(String answer) {
        String text = answer == null ? "" : answer;
        int marker = text.toLowerCase(Locale.ROOT).indexOf(FOLLOW_UPS);
        String narrative = (marker < 0 ? text : text.substring(0, marker)).strip();
        List<String> followUps = new ArrayList<>();
        String block = SqlExtractor.tag(text, "follow_ups");
        if (block != null) {
            for (String line : block.split("\\r?\\n")) {
                String question =
                        line.strip().replaceFirst("^([-*•]|\\d+[.)])\\s*", "").strip();
                if (!question.isEmpty() && question.length() <= 200 && followUps.size() < 3) {
                    followUps.add(question);
                }
            }
        }
        return new Narrative(narrative, followUps);
    }
}
