package io.datamind.ask;

import io.datamind.audit.AuditEvent;
import io.datamind.query.ResultColumn;
import io.datamind.query.SqlHashes;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores an answer as the next message of its session (starting the session, titled from the question, when there is
 * none yet) and audits it, in one transaction. The audit entry names the SQL by its hash and holds no data.
 */
@Component
class ChatStore {

    static final int PREVIEW_ROWS = 100;
    private static final int TITLE_LENGTH = 80;

    private final ChatRepository chats;
    private final ApplicationEventPublisher events;

    ChatStore(ChatRepository chats, ApplicationEventPublisher events) {
        this.chats = chats;
        this.events = events;
    }

    @Transactional
    public ChatAnswer save(
            Question question,
            Outcome outcome,
            ChatAnswer.Tokens tokens,
            Map<String, Long> timings,
            String provider,
            String model) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID sessionId;
        if (question.session() == null) {
            sessionId = UUID.randomUUID();
            chats.insertSession(
                    question.orgId(),
                    question.userId(),
                    new ChatSession(sessionId, question.connectionId(), title(question.text()), now, now, now));
        } else {
            sessionId = question.session().id();
            chats.touch(sessionId, now);
        }
        ChatAnswer answer = answer(question, outcome, tokens, timings, provider, model, sessionId, now);
        chats.insertMessage(question.orgId(), answer, summary(outcome));
        events.publishEvent(new AuditEvent(
                question.orgId(),
                question.userId(),
                "ask.question." + outcome.status,
                "connection",
                question.connectionId().toString(),
                facts(answer)));
        return answer;
    }

    static String title(String question) {
        String oneLine = question.replaceAll("\\s+", " ").strip();
        return oneLine.length() <= TITLE_LENGTH
                ? oneLine
                : oneLine.substring(0, TITLE_LENGTH - 1).strip() + "…";
    }

    private static ChatAnswer answer(
            Question question,
            Outcome outcome,
            ChatAnswer.Tokens tokens,
            Map<String, Long> timings,
            String provider,
            String model,
            UUID sessionId,
            Instant now) {
        List<ChatAnswer.Column> columns = List.of();
        List<List<Object>> rows = List.of();
        long rowCount = 0;
        boolean truncated = false;
        if (outcome.result != null) {
            columns = columns(outcome.result.columns());
            rows = preview(outcome.result.rows());
            rowCount = outcome.result.rowCount();
            truncated = outcome.result.truncated();
        }
        return new ChatAnswer(
                sessionId,
                UUID.randomUUID(),
                question.connectionId(),
                question.text(),
                outcome.status,
                outcome.message,
                outcome.sql,
                outcome.reasoning,
                columns,
                rows,
                rowCount,
                truncated,
                outcome.chart,
                outcome.analysis,
                outcome.followUps,
                tokens,
                timings,
                outcome.attempts,
                outcome.confidence,
                provider,
                model,
                now,
                null);
    }

    static List<ChatAnswer.Column> columns(List<ResultColumn> columns) {
        return columns.stream()
                .map(c -> new ChatAnswer.Column(c.name(), c.nativeType(), c.type()))
                .toList();
    }

    static List<List<Object>> preview(List<List<Object>> rows) {
        return rows.size() <= PREVIEW_ROWS ? rows : rows.subList(0, PREVIEW_ROWS);
    }

    private static String summary(Outcome outcome) {
        if (outcome.result != null) {
            return ResultSummaries.brief(outcome.result);
        }
        return outcome.status + (outcome.message == null ? "" : ": " + outcome.message);
    }

    private static Map<String, Object> facts(ChatAnswer answer) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("sessionId", answer.sessionId().toString());
        facts.put("messageId", answer.messageId().toString());
        if (answer.sql() != null) {
            facts.put("sqlSha256", SqlHashes.sha256(answer.sql()));
        }
        facts.put("rows", answer.rowCount());
        facts.put("attempts", answer.attempts());
        if (answer.provider() != null) {
            facts.put("provider", answer.provider());
        }
        facts.put(
                "inputTokens",
                answer.tokens().sqlGeneration().input()
                        + answer.tokens().analysis().input());
        facts.put(
                "outputTokens",
                answer.tokens().sqlGeneration().output()
                        + answer.tokens().analysis().output());
        return facts;
    }
}
