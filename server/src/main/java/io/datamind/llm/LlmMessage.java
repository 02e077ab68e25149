package io.datamind.llm;

import java.util.Objects;

/** One turn of the conversation the model continues. */
public record LlmMessage(Role role, String content) {

    public enum Role {
        USER,
        ASSISTANT
    }

    public LlmMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static LlmMessage user(String content) {
        return new LlmMessage(Role.USER, content);
    }

    public static LlmMessage assistant(String content) {
        return new LlmMessage(Role.ASSISTANT, content);
    }
}
