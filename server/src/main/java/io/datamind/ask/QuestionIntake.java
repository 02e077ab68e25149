package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.org.Role;
import io.datamind.query.DataSourceTarget;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Checks a question before any work: the caller's role, the text, the connection, the session and the schema. */
@Component
class QuestionIntake {

    private final AskProperties properties;
    private final ConnectionTargets targets;
    private final SchemaSnapshots schemas;
    private final ChatRepository chats;

    QuestionIntake(AskProperties properties, ConnectionTargets targets, SchemaSnapshots schemas, ChatRepository chats) {
        this.properties = properties;
        this.targets = targets;
        this.schemas = schemas;
        this.chats = chats;
    }

    Question accept(Caller caller, AskCommand command) {
        caller.require(Role.ANALYST);
        if (command.connectionId() == null) {
            throw ApiException.invalidField("connectionId", "is required");
        }
        String text = command.question() == null ? "" : command.question().strip();
        if (text.isEmpty()) {
            throw ApiException.invalidField("question", "is required");
        }
        if (text.length() > properties.maxQuestionLength()) {
            throw ApiException.invalidField(
                    "question", "must be at most " + properties.maxQuestionLength() + " characters");
        }
        if (command.requestId() != null && command.requestId().length() > 100) {
            throw ApiException.invalidField("requestId", "must be at most 100 characters");
        }
        ChatSession session = null;
        if (command.sessionId() != null) {
            session = chats.findSession(caller.orgId(), caller.userId(), command.sessionId())
                    .orElseThrow(() -> new NotFoundException("Chat session"));
            if (!session.connectionId().equals(command.connectionId())) {
                throw ApiException.invalidField(
                        "connectionId", "differs from the session's connection; start a new session to switch");
            }
        }
        DataSourceTarget target = targets.forConnection(caller.orgId(), command.connectionId());
        SchemaSnapshot snapshot = schemas.latest(caller.orgId(), command.connectionId())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "Schema not discovered",
                        "The tables of this connection are not discovered yet; sync its schema and try again"));
        String queryId = command.requestId() != null && !command.requestId().isBlank()
                ? command.requestId()
                : UUID.randomUUID().toString();
        return new Question(
                caller.orgId(), caller.userId(), command.connectionId(), text, session, target, snapshot, queryId);
    }
}
