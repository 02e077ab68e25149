package io.datamind.support;

import java.util.ArrayList;
import java.util.List;

/** Server-sent events exactly as the Anthropic Messages API streams them. */
public final class AnthropicWire {

    public static final String MODEL = "claude-sonnet-4-5-20250929";

    private AnthropicWire() {}

    public static String event(String name, String data) {
        return "event: " + name + "\ndata: " + data + "\n\n";
    }

    public static String messageStart(int inputTokens) {
        // output_tokens here is a placeholder the API sends before generating; the real figure is in message_delta.
        return event(
                "message_start",
                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\",\"type\":\"message\","
                        + "\"role\":\"assistant\",\"model\":\"" + MODEL + "\",\"content\":[],\"stop_reason\":null,"
                        + "\"stop_sequence\":null,\"usage\":{\"input_tokens\":" + inputTokens
                        + ",\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,\"output_tokens\":1}}}");
    }

    public static String blockStart() {
        return event(
                "content_block_start",
                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}");
    }

    public static String ping() {
        return event("ping", "{\"type\": \"ping\"}");
    }

    public static String textDelta(String text) {
        return event(
                "content_block_delta",
                "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                        + FakeLlmServer.JSON.writeValueAsString(text) + "}}");
    }

    public static String blockStop() {
        return event("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}");
    }

    public static String messageDelta(String stopReason, int outputTokens) {
        return event(
                "message_delta",
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                        + "\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":" + outputTokens + "}}");
    }

    public static String messageStop() {
        return event("message_stop", "{\"type\":\"message_stop\"}");
    }

    public static String error(String type, String message) {
        return event(
                "error", "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
    }

    /** The opening events and the text deltas, without the end. */
    public static List<String> opening(int inputTokens, String... tokens) {
        List<String> events = new ArrayList<>();
        events.add(messageStart(inputTokens));
        events.add(blockStart());
        events.add(ping());
        for (String token : tokens) {
            events.add(textDelta(token));
        }
        return events;
    }

    /** A whole answer. */
    public static List<String> answer(int inputTokens, int outputTokens, String... tokens) {
        List<String> events = opening(inputTokens, tokens);
        events.add(blockStop());
        events.add(messageDelta("end_turn", outputTokens));
        events.add(messageStop());
        return events;
    }

    public static String errorBody(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }
}
