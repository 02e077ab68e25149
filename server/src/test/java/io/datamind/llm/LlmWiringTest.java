package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The provider factory in the running application, which starts without any AI key. */
@IntegrationTest
class LlmWiringTest {

    @Autowired
    LlmProviders providers;

    @Test
    void theInstanceDefaultsComeFromConfiguration() {
        assertThat(providers.isOffline(providers.defaultSettings())).isTrue();
        assertThat(providers.defaultSettings("anthropic").model()).isEqualTo("claude-sonnet-4-5");
        assertThat(providers.defaultSettings("anthropic").baseUrl()).isEqualTo("https://api.anthropic.com");
        assertThat(providers.defaultSettings("openai").baseUrl()).isEqualTo("https://api.openai.com");
    }
}
