package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A member's own conversations; nobody else sees them, so another member's session id is a 404. */
@RestController
@RequestMapping("/api/v1/chat/sessions")
@Tag(name = "Chat")
class ChatSessionsController {

    private static final int MAX_TITLE = 200;

    private final ChatRepository chats;

    ChatSessionsController(ChatRepository chats) {
        this.chats = chats;
    }

    @GetMapping
    @Operation(summary = "Your conversations, most recently active first")
    Page<ChatSession> list(Caller caller, PageQuery page) {
        return Page.of(
                chats.sessions(caller.orgId(), caller.userId(), page),
                chats.countSessions(caller.orgId(), caller.userId()),
                page);
    }

    @GetMapping("/{id}/messages")
    @Operation(summary = "The questions and answers of one of your conversations, oldest first")
    Page<ChatAnswer> messages(Caller caller, @PathVariable UUID id, PageQuery page) {
        ChatSession session = owned(caller, id);
        return Page.of(chats.messages(session.id(), page), chats.countMessages(session.id()), page);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename one of your conversations (analyst)")
    ChatSession rename(Caller caller, @PathVariable UUID id, @RequestBody RenameSession request) {
        String title = request.title() == null
                ? ""
                : request.title().replaceAll("\\s+", " ").strip();
        if (title.isEmpty()) {
            throw ApiException.invalidField("title", "is required");
        }
        if (title.length() > MAX_TITLE) {
            throw ApiException.invalidField("title", "must be at most " + MAX_TITLE + " characters");
        }
        if (!chats.rename(
                caller.orgId(), caller.userId(), id, title, Instant.now().truncatedTo(ChronoUnit.MICROS))) {
            throw new NotFoundException("Chat session");
        }
        return owned(caller, id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of your conversations and its messages (analyst)")
    void delete(Caller caller, @PathVariable UUID id) {
        if (!chats.deleteSession(caller.orgId(), caller.userId(), id)) {
            throw new NotFoundException("Chat session");
        }
    }

    private ChatSession owned(Caller caller, UUID id) {
        return chats.findSession(caller.orgId(), caller.userId(), id)
                .orElseThrow(() -> new NotFoundException("Chat session"));
    }

    record RenameSession(String title) {}
}
