package io.datamind.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.datamind.llm.LlmFixtures.RecordingPause;
import io.datamind.support.AnthropicWire;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.OpenAiWire;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Where provider requests may go: never where a redirect points, and for an organization's base URL only to the
 * addresses its host was checked to resolve to.
 */
class ProviderConnectionsTest {

    private static final String METADATA = "http://169.254.169.254/latest/meta-data/iam/security-credentials/";

    private FakeLlmServer server;
    private LlmProviders providers;

    @BeforeEach
    void setUp() {
        server = FakeLlmServer.start();
        providers = LlmFixtures.providers(
                LlmFixtures.properties("http://127.0.0.1:9", "http://127.0.0.1:9", Duration.ofSeconds(1)),
                new RecordingPause());
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static List<InetAddress> loopback() {
        return List.of(InetAddress.getLoopbackAddress());
    }

    private LlmException failure(LlmProvider provider) {
        return catchThrowableOfType(
                LlmException.class,
                () -> provider.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken()));
    }

    @Test
    void aRedirectToTheMetadataServiceIsNotFollowed() {
        server.enqueue(Reply.json(302, "{}", "Location", METADATA));
        LlmProvider anthropic = providers.create(
                new LlmProviderSettings("anthropic", null, server.baseUrl(), "sk-ant-org", loopback()));

        LlmException failure = failure(anthropic);

        assertThat(failure.category()).isEqualTo(LlmException.Category.UNAVAILABLE);
        assertThat(failure.getMessage())
                .isEqualTo("The AI provider's address answered with a redirect (HTTP 302), which DataMind does not"
                        + " follow; check the base URL in the AI settings.");
        assertThat(server.requestCount()).as("not retried either").isEqualTo(1);
    }

    @Test
    void noRedirectIsFollowedEvenToTheSameServer() {
        // The target is on the fake server itself, so following it would show up as a second request.
        for (String provider : List.of("anthropic", "openai")) {
            server.reset();
            server.enqueue(
                    Reply.json(307, "{}", "Location", server.baseUrl() + "/followed"),
                    Reply.sse(AnthropicWire.answer(1, 1, "unused")));
            LlmProvider llm = providers.create(
                    new LlmProviderSettings(provider, "m", server.baseUrl() + "/v1", "sk-org", loopback()));

            LlmException failure = failure(llm);

            assertThat(failure.getMessage()).as(provider).contains("redirect (HTTP 307)");
            assertThat(server.requests()).as(provider).hasSize(1);
            assertThat(server.requests().get(0).path()).doesNotContain("followed");
        }
    }

    @Test
    void aPinnedHostConnectsToItsCheckedAddressWithoutAnotherLookup() {
        // ".test" names never resolve: the request can reach the fake server only through the checked address.
        int port = URI.create(server.baseUrl()).getPort();
        String baseUrl = "http://model.rebind.test:" + port;
        server.enqueue(Reply.sse(OpenAiWire.answer(12, 2, "SELECT 1")));
        LlmProvider openAi = providers.create(new LlmProviderSettings("openai", "llama3.1", baseUrl, null, loopback()));

        LlmCompletion completion = openAi.complete(LlmFixtures.request(), TokenListener.NONE, new CancellationToken());

        assertThat(completion.text()).isEqualTo("SELECT 1");
        assertThat(server.requests().get(0).header("Host")).isEqualTo("model.rebind.test:" + port);
    }

    @Test
    void aPinnedHostThatDidNotResolveWhenCheckedIsNotLookedUpAgain() {
        server.enqueue(Reply.sse(OpenAiWire.answer(12, 2, "SELECT 1")));
        LlmProvider openAi = providers.create(new LlmProviderSettings(
                "openai",
                "llama3.1",
                "http://localhost:" + URI.create(server.baseUrl()).getPort(),
                null,
                List.of()));

        LlmException failure = failure(openAi);

        assertThat(failure.getMessage()).isEqualTo(ProviderErrors.UNREACHABLE);
        assertThat(server.requestCount())
                .as("localhost resolves, but not when it was checked")
                .isZero();
    }

    @Test
    void thePinAnswersOnlyForItsHostWithTheLatestCheckedAddresses() throws Exception {
        InetAddress first = InetAddress.getByName("203.0.113.7");
        InetAddress second = InetAddress.getByName("203.0.113.8");
        PinnedDns dns = new PinnedDns("Model.Example.com", List.of(first));

        assertThat(dns.lookup("model.example.com")).containsExactly(first);
        dns.pin(List.of(second));
        assertThat(dns.lookup("MODEL.example.com")).containsExactly(second);
        assertThatThrownBy(() -> dns.lookup("metadata.google.internal")).isInstanceOf(UnknownHostException.class);
    }
}
