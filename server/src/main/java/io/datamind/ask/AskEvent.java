package io.datamind.ask;

import java.util.List;

/** What a transport relays to the client while a question is answered, in this order: stages, tokens, the result. */
public sealed interface AskEvent {

    /**
     * A stage started or finished.
     *
     * @param stage {@code schema}, {@code examples}, {@code generate_sql}, {@code check}, {@code execute},
     *     {@code repair}, {@code chart} or {@code analyze}
     * @param state {@code started} or {@code done}
     * @param ms the stage's duration when done; 0 when started
     */
    record Stage(String stage, String state, long ms) implements AskEvent {}

    /**
     * A piece of the model's answer.
     *
     * @param phase {@code sql_generation} or {@code analysis}
     */
    record Token(String phase, String content) implements AskEvent {}

    /** The table preview, sent as soon as the query finished, before the chart and analysis. */
    record Result(List<ChatAnswer.Column> columns, List<List<Object>> rows, long rowCount, boolean truncated)
            implements AskEvent {}
}
