package io.datamind.ask;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Step 2: the previous turns of the session, and the tables their SQL read. The tables come from the SQL guard's own
 * parse over the connection's current tables, so the names are the ones the query used and a turn whose tables are
 * gone (or whose SQL was refused) adds none. The parse is done once per turn and schema discovery (see
 * {@link TablesRead}).
 */
@Component
class ConversationRecall {

    private final ChatRepository chats;
    private final TablesRead tablesRead;
    private final AskProperties properties;

    ConversationRecall(ChatRepository chats, TablesRead tablesRead, AskProperties properties) {
        this.chats = chats;
        this.tablesRead = tablesRead;
        this.properties = properties;
    }

    /** @param withTables whether the author reads a schema context, which is what the tables are for */
    Conversation recall(Question question, boolean withTables) {
        if (question.session() == null) {
            return Conversation.NONE;
        }
        List<SqlTask.Turn> turns = chats.lastTurns(question.session().id(), properties.historyTurns());
        Set<String> tables = new LinkedHashSet<>();
        for (SqlTask.Turn turn : turns) {
            if (!withTables || turn.sql() == null || turn.sql().isBlank()) {
                continue;
            }
            tables.addAll(tablesRead.of(turn.sql(), question.target().type(), question.snapshot()));
        }
        return new Conversation(true, turns, tables);
    }
}
