package io.datamind.support;

import java.util.ArrayList;
import java.util.List;

/** Server-sent events exactly as the OpenAI Chat Completions API streams them with include_usage. */
public final class OpenAiWire {

    public static final String MODEL = "gpt-4.1-mini-2025-04-14";

    private OpenAiWire() {}

    public static String data(String json) {
        return "data: " + json + "\n\n";
    }

    public static String chunk(String delta, String finishReason) {
        return data("{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"" + MODEL + "\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_3fd1f5d7a4\",\"choices\":[{\"index\":0,\"delta\":" + delta
                + ",\"logprobs\":null,\"finish_reason\":" + (finishReason == null ? "null" : "\"" + finishReason + "\"")
                + "}],\"usage\":null}");
    }

    public static String role() {
        return chunk("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}", null);
    }

    public static String content(String text) {
        return chunk("{\"content\":" + FakeLlmServer.JSON.writeValueAsString(text) + "}", null);
    }

    public static String finish(String reason) {
        return chunk("{}", reason);
    }

    public static String usage(int promptTokens, int completionTokens) {
        return data("{\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"" + MODEL + "\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_3fd1f5d7a4\",\"choices\":[],\"usage\":{\"prompt_tokens\":"
                + promptTokens + ",\"completion_tokens\":" + completionTokens + ",\"total_tokens\":"
                + (promptTokens + completionTokens) + ",\"prompt_tokens_details\":{\"cached_tokens\":0,"
                + "\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
                + "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}");
    }

    public static String done() {
        return "data: [DONE]\n\n";
    }

    public static List<String> opening(String... tokens) {
        List<String> events = new ArrayList<>();
        events.add(role());
        for (String token : tokens) {
            events.add(content(token));
        }
        return events;
    }

    public static List<String> answer(int promptTokens, int completionTokens, String... tokens) {
        List<String> events = opening(tokens);
        events.add(finish("stop"));
        events.add(usage(promptTokens, completionTokens));
        events.add(done());
        return events;
    }

    /** A whole (not streamed) Chat Completions response, as {@code stream: false} returns it. */
    public static String completion(int promptTokens, int completionTokens, String text) {
        return "{\"id\":\"chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG\",\"object\":\"chat.completion\","
                + "\"created\":1741570283,\"model\":\"" + MODEL + "\",\"choices\":[{\"index\":0,\"message\":"
                + "{\"role\":\"assistant\",\"content\":" + FakeLlmServer.JSON.writeValueAsString(text)
                + ",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":" + promptTokens + ",\"completion_tokens\":" + completionTokens
                + ",\"total_tokens\":" + (promptTokens + completionTokens) + ",\"prompt_tokens_details\":"
                + "{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":{\"reasoning_tokens\":0,"
                + "\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}},"
                + "\"service_tier\":\"default\",\"system_fingerprint\":\"fp_06737a9306\"}";
    }

    public static String errorBody(String type, String code, String message) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }
}
