package io.datamind.aisettings;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.llm.LlmProviders;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * With private networks switched off for data sources, organizations' AI base URLs follow (datamind.llm.
 * allow-private-networks is not set), while the instance's own base URL on loopback stays usable.
 */
@IntegrationTest
class AiSettingsPrivateNetworksOffTest {

    static final String INSTANCE_URL = "http://127.0.0.1:11434";

    @DynamicPropertySource
    static void privateNetworksOff(DynamicPropertyRegistry registry) {
        registry.add("datamind.sources.allow-private-networks", () -> "false");
        registry.add("datamind.llm.openai.base-url", () -> INSTANCE_URL);
    }

    @LocalServerPort
    int port;

    @Autowired
    AiSettings aiSettings;

    @Autowired
    LlmProviders providers;

    @Test
    void privateAddressesAreRefusedButTheInstanceBaseUrlIsNot() {
        assertThat(providers.allowsPrivateNetworks()).isFalse();
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();

        for (String baseUrl : List.of(
                "http://localhost:11434",
                "http://10.0.0.5:8000",
                "http://192.168.1.20:11434",
                "http://[fd12:3456::1]:8000",
                "http://[::1]:8000",
                "http://169.254.169.254")) {
            HttpApi.Response refused = put(api, token, "openai", baseUrl);
            assertThat(refused.status()).as(baseUrl + ": " + refused).isEqualTo(400);
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("baseUrl");
        }

        // The instance default, taken by a blank base URL or named again, is the operator's choice.
        HttpApi.Response blank = put(api, token, "openai", null);
        assertThat(blank.status()).as(blank.toString()).isEqualTo(200);
        assertThat(blank.json().get("baseUrl").asString()).isEqualTo(INSTANCE_URL);
        HttpApi.Response same = put(api, token, "openai", INSTANCE_URL + "/");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(providers
                        .effective(aiSettings.forOrganization(owner.orgId()))
                        .baseUrl())
                .as("usable when questions are asked, too")
                .isEqualTo(INSTANCE_URL);

        HttpApi.Response publicServer = put(api, token, "openai", "https://203.0.113.10/v1");
        assertThat(publicServer.status()).as(publicServer.toString()).isEqualTo(200);
    }

    private static HttpApi.Response put(HttpApi api, String token, String provider, String baseUrl) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider", provider);
        body.put("baseUrl", baseUrl);
        body.put("apiKey", "sk-test");
        return api.request("PUT", "/api/v1/org/ai-settings")
                .bearer(token)
                .json(body)
                .send();
    }
}
