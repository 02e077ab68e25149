package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The datamind.llm.* defaults, and that an instance starts with no key at all. */
class LlmPropertiesTest {

    private static LlmProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("datamind.llm", LlmProperties.class);
    }

    @Test
    void defaultsNeedNoKey() {
        LlmProperties properties = bind(Map.of());

        assertThat(properties).isEqualTo(LlmProperties.defaults());
        assertThat(properties.provider()).isEqualTo("offline");
        assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.maxAttempts()).isEqualTo(3);
        assertThat(properties.anthropic())
                .isEqualTo(new LlmProperties.Endpoint("claude-sonnet-4-5", "https://api.anthropic.com", null));
        assertThat(properties.openai())
                .isEqualTo(new LlmProperties.Endpoint("gpt-4.1-mini", "https://api.openai.com", null));
        assertThat(properties.circuitBreaker()).isEqualTo(LlmProperties.Breaker.defaults());
    }

    @Test
    void everySettingCanBeChanged() {
        LlmProperties properties = bind(Map.of(
                "datamind.llm.provider", "openai",
                "datamind.llm.stream-idle-timeout", "45s",
                "datamind.llm.openai.base-url", "http://ollama:11434",
                "datamind.llm.openai.model", "llama3.1",
                "datamind.llm.anthropic.api-key", "sk-ant-x",
                "datamind.llm.circuit-breaker.open-duration", "1m"));

        assertThat(properties.provider()).isEqualTo("openai");
        assertThat(properties.streamIdleTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(properties.openai()).isEqualTo(new LlmProperties.Endpoint("llama3.1", "http://ollama:11434", null));
        assertThat(properties.anthropic().apiKey()).isEqualTo("sk-ant-x");
        assertThat(properties.anthropic().model()).isEqualTo("claude-sonnet-4-5");
        assertThat(properties.circuitBreaker().openDuration()).isEqualTo(Duration.ofMinutes(1));
        assertThat(properties.toString()).doesNotContain("sk-ant-x");
    }
}
