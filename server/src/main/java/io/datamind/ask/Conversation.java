package io.datamind.ask;

import java.util.List;
import java.util.Set;

/**
 * What the earlier turns of a session bring to the next question.
 *
 * @param continues whether the question continues a session (which always holds an earlier turn: a session is
 *     stored with its first answer), even when {@code datamind.ask.history-turns} is 0 and no turn is carried
 * @param turns the earlier questions with their SQL and result summaries, oldest first; empty for a first question
 * @param tablesRead the tables the earlier turns' SQL read, as {@code schema.table} (or the bare name when the query
 *     gave no schema), so that the schema context of "and by month?" keeps them; none for an author that reads the
 *     whole snapshot
 */
record Conversation(boolean continues, List<SqlTask.Turn> turns, Set<String> tablesRead) {

    /** A question that starts its session. */
    static final Conversation NONE = new Conversation(false, List.of(), Set.of());

    Conversation {
        turns = List.copyOf(turns);
        tablesRead = Set.copyOf(tablesRead);
    }

    /**
     * Whether the question stands on its own. Only such a question may reuse a verified example or become one: "and
     * by year?" means something else in every conversation.
     */
    boolean isFirstTurn() {
        return !continues;
    }
}
