package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.common.ApiException;
import io.datamind.llm.LlmException.Category;
import io.datamind.support.FakeLlmServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which provider a set of settings gets, and which key goes where. */
class LlmProvidersTest {

    private static LlmProperties properties(String anthropicKey, String openAiKey) {
        LlmProperties base =
                LlmFixtures.properties("https://api.anthropic.com", "https://api.openai.com", Duration.ofSeconds(30));
        return new LlmProperties(
                "offline",
                base.connectTimeout(),
                base.firstTokenTimeout(),
                base.streamIdleTimeout(),
                base.requestTimeout(),
                base.maxAttempts(),
                base.initialBackoff(),
                base.maxRetryDelay(),
                new LlmProperties.Endpoint(null, null, anthropicKey),
                new LlmProperties.Endpoint(null, null, openAiKey),
                base.circuitBreaker(),
                base.questionDeadline(),
                base.allowPrivateNetworks(),
                base.maxConcurrentStreams());
    }

    private static LlmProviders providers(LlmProperties properties, LlmProvider... builtIn) {
        return new LlmProviders(properties, () -> List.of(builtIn), new LlmFixtures.RecordingPause());
    }

    private static LlmException failure(LlmProvider provider) {
        return catchThrowableOfType(
                LlmException.class,
                () -> provider.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken()));
    }

    @Test
    void effectiveSettingsFillBlanksAndTellWhichKeyWouldBeSent() {
        LlmProviders providers = providers(properties("sk-ant-instance", null));

        assertThat(providers.effective(new LlmProviderSettings(" Anthropic ", null, null, null)))
                .isEqualTo(new LlmProviderSettings(
                        "anthropic", "claude-sonnet-4-5", "https://api.anthropic.com", "sk-ant-instance"));
        assertThat(providers.effective(new LlmProviderSettings("anthropic", "m", "http://proxy.local:8080/", null)))
                .as("the instance key never goes to another server")
                .isEqualTo(new LlmProviderSettings("anthropic", "m", "http://proxy.local:8080", null));
        assertThat(providers.effective(new LlmProviderSettings("openai", null, "http://localhost:11434", "own")))
                .isEqualTo(new LlmProviderSettings("openai", "gpt-4.1-mini", "http://localhost:11434", "own"));
        assertThat(providers.effective(new LlmProviderSettings(null, "ignored", null, null)))
                .isEqualTo(LlmProviderSettings.of("offline"));
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> providers.effective(new LlmProviderSettings("gemini", null, null, null)))
                        .fieldErrors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("provider");
        assertThat(catchThrowableOfType(
                                ApiException.class,
                                () -> providers.effective(new LlmProviderSettings("openai", null, "file:///etc", null)))
                        .fieldErrors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("baseUrl");
    }

    @Test
    void theSameSettingsShareOneClientAndOtherKeysGetTheirOwn() {
        LlmProviders providers = providers(properties("sk-ant-a", "sk-oai"));

        LlmProvider first =
                providers.create(new LlmProviderSettings("anthropic", "claude-sonnet-4-5", null, "sk-ant-a"));
        LlmProvider again = providers.create(new LlmProviderSettings(" Anthropic ", null, null, null));
        LlmProvider otherKey = providers.create(new LlmProviderSettings("anthropic", null, null, "sk-ant-b"));
        LlmProvider otherModel = providers.create(new LlmProviderSettings("anthropic", "claude-opus-4-1", null, null));

        assertThat(again).isSameAs(first);
        assertThat(otherKey).isNotSameAs(first);
        assertThat(otherModel).isNotSameAs(first);
        assertThat(first.id()).isEqualTo("anthropic");
    }

    @Test
    void theOfflineEngineIsRecognisedButIsNoChatModel() {
        LlmProviders providers = providers(properties(null, null));

        assertThat(providers.isOffline(LlmProviderSettings.of(null)))
                .as("the instance default")
                .isTrue();
        assertThat(providers.isOffline(LlmProviderSettings.of(" Offline "))).isTrue();
        assertThat(providers.isOffline(LlmProviderSettings.of("anthropic"))).isFalse();
        assertThatThrownBy(providers::defaultProvider).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> providers.create(LlmProviderSettings.of("offline")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("isOffline");
    }

    @Test
    void anInstalledProviderIsFoundByItsId() {
        LlmProvider inProcess = new LlmProvider() {
            @Override
            public String id() {
                return "in-process";
            }

            @Override
            public LlmCompletion complete(LlmRequest request, TokenListener listener, CancellationToken cancel) {
                return new LlmCompletion("SELECT 1", 0, 0, "in-process", "stop");
            }
        };

        LlmProviders providers = providers(properties(null, null), inProcess);
        assertThat(providers.create(LlmProviderSettings.of("in-process"))).isSameAs(inProcess);
        assertThat(providers.isOffline(LlmProviderSettings.of("in-process"))).isFalse();
    }

    @Test
    void withoutAKeyNoRequestIsMadeAndTheAdminIsAskedForOne() {
        try (FakeLlmServer server = FakeLlmServer.start()) {
            LlmProviders providers = providers(properties(null, null));

            LlmException anthropic =
                    failure(providers.create(new LlmProviderSettings("anthropic", null, server.baseUrl(), null)));
            LlmException openAi = failure(providers.create(LlmProviderSettings.of("openai")));

            assertThat(anthropic.category()).isEqualTo(Category.AUTH);
            assertThat(anthropic.getMessage())
                    .isEqualTo("No API key is configured for Anthropic; ask an admin to add one in the AI settings.");
            assertThat(openAi.category()).isEqualTo(Category.AUTH);
            assertThat(server.requestCount()).isZero();
        }
    }

    @Test
    void theInstanceKeyIsNeverSentToABaseUrlAnOrganizationChose() {
        try (FakeLlmServer elsewhere = FakeLlmServer.start()) {
            LlmProviders providers = providers(properties("sk-ant-instance", "sk-oai-instance"));

            LlmException failure =
                    failure(providers.create(new LlmProviderSettings("anthropic", null, elsewhere.baseUrl(), null)));

            assertThat(failure.category()).isEqualTo(Category.AUTH);
            assertThat(elsewhere.requestCount()).isZero();
        }
    }

    @Test
    void aServerThatIsNotListeningIsReportedAsUnreachable() {
        FakeLlmServer gone = FakeLlmServer.start();
        String baseUrl = gone.baseUrl();
        gone.close();
        LlmProviders providers = providers(properties(null, null));

        LlmException failure = failure(providers.create(new LlmProviderSettings("openai", "llama3.1", baseUrl, null)));

        assertThat(failure.category()).isEqualTo(Category.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo(ProviderErrors.UNREACHABLE);
    }

    @Test
    void defaultSettingsAreTheInstanceConfiguration() {
        LlmProviders providers = providers(properties("sk-ant-instance", null));

        assertThat(providers.defaultSettings().provider()).isEqualTo("offline");
        assertThat(providers.defaultSettings("anthropic"))
                .isEqualTo(new LlmProviderSettings(
                        "anthropic", "claude-sonnet-4-5", "https://api.anthropic.com", "sk-ant-instance"));
        assertThat(providers.defaultSettings("openai"))
                .isEqualTo(new LlmProviderSettings("openai", "gpt-4.1-mini", "https://api.openai.com", null));
        assertThat(providers.defaultSettings("anthropic").toString()).doesNotContain("sk-ant-instance");
    }

    @Test
    void unknownProvidersAndBaseUrlsThatAreNotHttpAreRejected() {
        LlmProviders providers = providers(properties(null, null));

        ApiException unknown =
                catchThrowableOfType(ApiException.class, () -> providers.create(LlmProviderSettings.of("gemini")));
        ApiException notHttp = catchThrowableOfType(
                ApiException.class,
                () -> providers.create(new LlmProviderSettings("openai", null, "file:///etc/passwd", "k")));

        assertThat(unknown.fieldErrors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("provider");
        assertThat(notHttp.fieldErrors())
                .extracting(ApiException.FieldError::field)
                .containsExactly("baseUrl");
    }

    @Test
    void openAiBaseUrlsGetTheApiPathOnlyWhenTheyHaveNone() {
        assertThat(OpenAiClients.sdkBaseUrl("https://api.openai.com")).isEqualTo("https://api.openai.com/v1");
        assertThat(OpenAiClients.sdkBaseUrl("http://localhost:11434/")).isEqualTo("http://localhost:11434/v1");
        assertThat(OpenAiClients.sdkBaseUrl("http://vllm:8000/v1")).isEqualTo("http://vllm:8000/v1");
        assertThat(OpenAiClients.sdkBaseUrl("https://gateway.example.com/llm/openai/v1/"))
                .isEqualTo("https://gateway.example.com/llm/openai/v1");
        assertThat(OpenAiClients.sdkBaseUrl("https://acme.openai.azure.com/"))
                .isEqualTo("https://acme.openai.azure.com");
        assertThat(OpenAiClients.needsKey("http://localhost:1234")).isFalse();
        assertThat(OpenAiClients.needsKey("https://api.openai.com")).isTrue();
        assertThat(OpenAiClients.needsKey("https://acme.openai.azure.com")).isTrue();
    }
}
