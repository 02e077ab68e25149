package io.datamind.ask;

import io.datamind.auth.Caller;
import io.datamind.llm.CancellationToken;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/chat/messages")
@Tag(name = "Chat")
class AskController {

    static final String ROW_COUNT = "X-Row-Count";
    static final String TRUNCATED = "X-Result-Truncated";

    private final AskService asks;
    private final Feedbacks feedbacks;
    private final AnswerResults results;

    AskController(AskService asks, Feedbacks feedbacks, AnswerResults results) {
        this.asks = asks;
        this.feedbacks = feedbacks;
        this.results = results;
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

    @GetMapping("/{id}/result")
    @Operation(
            summary = "Download the whole result of one of your answers as CSV (analyst)",
            description = "An answer stores only its first 100 rows. This runs the answer's SQL again, through the"
                    + " SQL check and with the same row limit as the question (the cached result while it lasts),"
                    + " and returns every row as RFC 4180 CSV with a header row. " + ROW_COUNT + " says how many"
                    + " rows it holds and " + TRUNCATED + " whether the row limit cut the result short. A declined"
                    + " or failed answer has no result (404).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "text/csv"))
    void result(Caller caller, @PathVariable UUID id, HttpServletResponse response) throws IOException {
        AnswerResults.AnswerResult found = results.fetch(caller, id);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(ResultCsv.fileName(found.question()), StandardCharsets.UTF_8)
                        .build()
                        .toString());
        response.setHeader(ROW_COUNT, Long.toString(found.result().rowCount()));
        response.setHeader(TRUNCATED, Boolean.toString(found.result().truncated()));
        Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        ResultCsv.write(found.result().columns(), found.result().rows(), out);
        out.flush();
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
