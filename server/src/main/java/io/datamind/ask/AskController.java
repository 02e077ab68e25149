package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.llm.CancellationToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chat/messages")
@Tag(name = "Chat")
class AskController {

    private final AskService asks;
    private final Feedbacks feedbacks;

    AskController(AskService asks, Feedbacks feedbacks) {
        this.asks = asks;
        this.feedbacks = feedbacks;
    }

    @PostMapping
    @Operation(
            summary = "Ask a question of a connection (analyst)",
            description = "Runs the whole pipeline (SQL generation, check, execution, chart, analysis) and returns the"
                    + " stored answer. Without sessionId a new conversation starts, titled from the question. A"
                    + " provider that fails or declines gives status failed or declined with a message, not an error.")
    ChatAnswer ask(Caller caller, @RequestBody AskRequest request) {
        return asks.ask(
                caller,
                new AskCommand(request.connectionId(), request.question(), request.sessionId(), null),
                AskListener.NONE,
                new CancellationToken());
    }

    @PostMapping("/{id}/feedback")
    @Operation(
            summary = "Rate one of your answers (analyst)",
            description = "rating up or down. Up stores the question and its SQL as a verified example of the"
                    + " connection: similar questions get it as an example, the same question reuses its SQL.")
    Feedbacks.Result feedback(Caller caller, @PathVariable UUID id, @RequestBody FeedbackRequest request) {
        return feedbacks.give(caller, id, request.rating(), request.comment());
    }

    /**
     * @param sessionId the conversation to continue; absent to start one
     */
    record AskRequest(UUID connectionId, String question, UUID sessionId) {}

    /**
     * @param rating {@code up} or {@code down}
     * @param comment optional, at most 2000 characters
     */
    record FeedbackRequest(String rating, String comment) {}
}
