package io.datamind.chatstream;

import io.datamind.ask.AskEvent;
import io.datamind.ask.ChatAnswer;
import io.datamind.common.ApiException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of every event both streams send; each carries its {@code type} and the {@code requestId} of the
 * question it belongs to (null for events about the socket itself).
 */
@Component
class StreamEvents {

    static final String STAGE = "stage";
    static final String TOKEN = "token";
    static final String RESULT = "result";
    static final String CHAT_RESPONSE = "chat_response";
    static final String ERROR = "error";

    private final JsonMapper json;

    StreamEvents(JsonMapper json) {
        this.json = json;
    }

    /** One event: its type (the server-sent event's name) and its JSON. */
    record Event(String type, String json) {}

    Event of(String requestId, AskEvent event) {
        if (event instanceof AskEvent.Stage stage) {
            ObjectNode node = start(STAGE, requestId);
            node.put("stage", stage.stage());
            node.put("state", stage.state());
            node.put("ms", stage.ms());
            return write(STAGE, node);
        }
        if (event instanceof AskEvent.Token token) {
            ObjectNode node = start(TOKEN, requestId);
            node.put("phase", token.phase());
            node.put("content", token.content());
            return write(TOKEN, node);
        }
        AskEvent.Result result = (AskEvent.Result) event;
        ObjectNode node = start(RESULT, requestId);
        node.set("columns", json.valueToTree(result.columns()));
        node.set("rows", json.valueToTree(result.rows()));
        node.put("rowCount", result.rowCount());
        node.put("truncated", result.truncated());
        return write(RESULT, node);
    }

    /** The final answer, with exactly the fields the REST endpoint returns. */
    Event answer(String requestId, ChatAnswer answer) {
        ObjectNode node = start(CHAT_RESPONSE, requestId);
        node.setAll((ObjectNode) json.valueToTree(answer));
        return write(CHAT_RESPONSE, node);
    }

    Event error(String requestId, ApiException failure, String instance, String serverRequestId) {
        ObjectNode node = start(ERROR, requestId);
        node.set("problem", json.valueToTree(problem(failure, instance, serverRequestId)));
        return write(ERROR, node);
    }

    Event unexpected(String requestId, String instance, String serverRequestId) {
        return error(
                requestId,
                new ApiException(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "Internal server error",
                        "Something went wrong on our side. Quote request id " + serverRequestId
                                + " when reporting it."),
                instance,
                serverRequestId);
    }

    /** The RFC 9457 body, as the REST endpoints write it. */
    static Map<String, Object> problem(ApiException failure, String instance, String serverRequestId) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("title", failure.title());
        problem.put("status", failure.status().value());
        problem.put("detail", failure.getMessage());
        problem.put("instance", instance);
        problem.put("requestId", serverRequestId);
        if (!failure.fieldErrors().isEmpty()) {
            problem.put("errors", failure.fieldErrors());
        }
        return problem;
    }

    private ObjectNode start(String type, String requestId) {
        ObjectNode node = json.createObjectNode();
        node.put("type", type);
        node.put("requestId", requestId);
        return node;
    }

    private Event write(String type, ObjectNode node) {
        return new Event(type, json.writeValueAsString(node));
    }
}
