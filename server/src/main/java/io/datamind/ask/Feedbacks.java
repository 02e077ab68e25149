package io.datamind.ask;

import io.datamind.audit.AuditEvent;
import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.org.Role;
import io.datamind.query.SqlHashes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Thumbs up and down on answers. An up on an answered question makes its question and SQL a verified example of the
 * connection, shared with the organization; a later down on the same answer takes that example back.
 *
 * <p>A follow-up is stored with the questions that led to it ("What is the revenue per country? → and by year?"):
 * on its own, "and by year?" means something else in every conversation. Stored that way it serves as a similar
 * example for later prompts, and is never reused as it is for the bare follow-up's words, since only a question
 * that starts a conversation is looked up for reuse.
 */
@Service
class Feedbacks {

    private static final int MAX_COMMENT = 2000;

    private final ChatRepository chats;
    private final ExampleRepository examples;
    private final ApplicationEventPublisher events;

    Feedbacks(ChatRepository chats, ExampleRepository examples, ApplicationEventPublisher events) {
        this.chats = chats;
        this.examples = examples;
        this.events = events;
    }

    /** Joins a follow-up to the questions before it in the stored example's question. */
    static final String THEN = " → ";

    /** @param verifiedExampleId the example an up created or updated; null for a down */
    record Result(UUID messageId, String rating, String comment, UUID verifiedExampleId) {}

    @Transactional
    public Result give(Caller caller, UUID messageId, String rating, String comment) {
        caller.require(Role.ANALYST);
        String normalized = rating == null ? "" : rating.strip().toLowerCase(Locale.ROOT);
        if (!normalized.equals("up") && !normalized.equals("down")) {
            throw ApiException.invalidField("rating", "must be up or down");
        }
        String note = comment == null || comment.isBlank() ? null : comment.strip();
        if (note != null && note.length() > MAX_COMMENT) {
            throw ApiException.invalidField("comment", "must be at most " + MAX_COMMENT + " characters");
        }
        ChatRepository.OwnedMessage message = chats.findOwnedMessage(caller.orgId(), caller.userId(), messageId)
                .orElseThrow(() -> new NotFoundException("Message"));
        UUID exampleId = null;
        if (normalized.equals("up")) {
            if (!Outcome.ANSWERED.equals(message.status()) || message.sql() == null) {
                throw ApiException.conflict("rating", "Only an answered question with its SQL can be verified");
            }
            String question = message.followUp()
                    ? String.join(THEN, chats.questionsUpTo(message.sessionId(), message.id()))
                    : message.question();
            exampleId = examples.upsert(
                    caller.orgId(),
                    message.connectionId(),
                    question,
                    ExampleFinder.normalize(question),
                    message.sql(),
                    message.id(),
                    caller.userId(),
                    Instant.now());
        } else {
            examples.deleteFromMessage(caller.orgId(), message.id());
        }
        chats.saveFeedback(message.id(), normalized, note);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("messageId", message.id().toString());
        facts.put("rating", normalized);
        if (message.sql() != null) {
            facts.put("sqlSha256", SqlHashes.sha256(message.sql()));
        }
        events.publishEvent(new AuditEvent(
                caller.orgId(),
                caller.userId(),
                "ask.feedback." + normalized,
                "connection",
                message.connectionId().toString(),
                facts));
        return new Result(message.id(), normalized, note, exampleId);
    }
}
