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
        // Stages and tokens are most of the traffic (a token event per model token, for hundreds of conversations
        // at once), so they are written directly rather than through a tree and the mapper.
        if (event instanceof AskEvent.Stage stage) {
            StringBuilder out = start(STAGE, requestId, 96);
            field(out, "stage", stage.stage());
            field(out, "state", stage.state());
            out.append(",\"ms\":").append(stage.ms()).append('}');
            return new Event(STAGE, out.toString());
        }
        if (event instanceof AskEvent.Token token) {
            StringBuilder out = start(TOKEN, requestId, 80 + token.content().length());
            field(out, "phase", token.phase());
            field(out, "content", token.content());
            return new Event(TOKEN, out.append('}').toString());
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

    private static StringBuilder start(String type, String requestId, int capacity) {
        StringBuilder out = new StringBuilder(capacity);
        out.append("{\"type\":\"").append(type).append("\",\"requestId\":");
        string(out, requestId);
        return out;
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(",\"").append(name).append("\":");
        string(out, value);
    }

    /** A JSON string as Jackson writes it: quotes, backslashes and control characters escaped, the rest as is. */
    static void string(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
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
