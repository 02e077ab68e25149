package io.datamind.ask;

import io.datamind.audit.AuditEvent;
import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.datasource.ConnectionTargets;
import io.datamind.llm.CancellationToken;
import io.datamind.org.Role;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryResult;
import io.datamind.query.SqlHashes;
import io.datamind.query.guard.GuardVerdict;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The whole result of an answer, for download. Only the preview is stored with an answer; the rest comes from running
 * the answer's stored SQL again, through the same guard (against the connection's current tables) and the same
 * runner, limits and result cache as the question. Within the cache's lifetime that is the very result the answer
 * was made from; later it is the data as it is now.
 */
@Service
class AnswerResults {

    private final ChatRepository chats;
    private final ConnectionTargets targets;
    private final SchemaSnapshots schemas;
    private final QueryCheck check;
    private final QueryExecution execution;
    private final ApplicationEventPublisher events;

    AnswerResults(
            ChatRepository chats,
            ConnectionTargets targets,
            SchemaSnapshots schemas,
            QueryCheck check,
            QueryExecution execution,
            ApplicationEventPublisher events) {
        this.chats = chats;
        this.targets = targets;
        this.schemas = schemas;
        this.check = check;
        this.execution = execution;
        this.events = events;
    }

    /** An answer's question (to name the file) and its result, up to the runner's row limit. */
    record AnswerResult(String question, QueryResult result) {}

    /**
     * @throws NotFoundException for a message that is not one of the caller's own, or that has no result (declined
     *     or failed)
     */
    AnswerResult fetch(Caller caller, UUID messageId) {
        // Running a query on a connection is an analyst's right, as asking is.
        caller.require(Role.ANALYST);
        ChatRepository.OwnedMessage message = chats.findOwnedMessage(caller.orgId(), caller.userId(), messageId)
                .orElseThrow(() -> new NotFoundException("Message"));
        if (!Outcome.ANSWERED.equals(message.status()) || message.sql() == null) {
            throw new NotFoundException("Result");
        }
        DataSourceTarget target = targets.forConnection(caller.orgId(), message.connectionId());
        SchemaSnapshot snapshot = schemas.latest(caller.orgId(), message.connectionId())
                .orElseThrow(() -> new ApiException(
                        HttpStatus.CONFLICT,
                        "Schema not discovered",
                        "The tables of this connection are not discovered yet; sync its schema and try again"));
        GuardVerdict verdict = check.check(message.sql(), target.type(), snapshot);
        if (!(verdict instanceof GuardVerdict.Accepted accepted)) {
            throw new ApiException(
                    HttpStatus.CONFLICT,
                    "Query no longer allowed",
                    "The answer's query no longer passes the SQL check: " + verdict.reasonOrNull());
        }
        QueryResult result =
                execution.run(target, accepted.sql(), UUID.randomUUID().toString(), new CancellationToken());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("messageId", message.id().toString());
        facts.put("sqlSha256", SqlHashes.sha256(accepted.sql()));
        facts.put("rows", result.rowCount());
        facts.put("truncated", result.truncated());
        events.publishEvent(new AuditEvent(
                caller.orgId(),
                caller.userId(),
                "ask.result.downloaded",
                "connection",
                message.connectionId().toString(),
                facts));
        return new AnswerResult(message.question(), result);
    }
}
