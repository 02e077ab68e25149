package io.datamind.aisettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.common.ApiException;
import io.datamind.datasource.CredentialCipher;
import io.datamind.datasource.CredentialCipherException;
import io.datamind.llm.LlmProviderSettings;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class AiSettingsApiTest {

    private static final String PATH = "/api/v1/org/ai-settings";
    private static final String KEY = "sk-ant-api03-" + UUID.randomUUID();
    private static final String OTHER_KEY = "sk-other-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    AiSettings aiSettings;

    @Autowired
    CredentialCipher cipher;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;
    /** Every response body of the test, to prove no key ever left the server. */
    final List<String> bodies = new ArrayList<>();

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
    }

    @Test
    void withoutSettingsTheInstanceDefaultsApply() {
        JsonNode view = get(ownerToken);
        assertThat(view.get("provider").asString()).isEqualTo("offline");
        assertThat(view.get("custom").asBoolean()).isFalse();
        assertThat(view.get("apiKeySet").asBoolean()).isFalse();
        assertThat(view.get("apiKeySource").asString()).isEqualTo("none");
        assertThat(view.get("instanceDefaults").toString()).isEqualTo("[\"provider\"]");
        assertThat(aiSettings.forOrganization(owner.orgId())).isEqualTo(LlmProviderSettings.of(null));
    }

    @Test
    void roundTripKeepsTheKeySecretAndEncrypted() {
        HttpApi.Response saved = put(ownerToken, settings("anthropic", "claude-opus-4-1", null, KEY));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode view = saved.json();
        assertThat(view.get("provider").asString()).isEqualTo("anthropic");
        assertThat(view.get("model").asString()).isEqualTo("claude-opus-4-1");
        assertThat(view.get("baseUrl").asString()).isEqualTo("https://api.anthropic.com");
        assertThat(view.get("apiKeySet").asBoolean()).isTrue();
        assertThat(view.get("apiKeySource").asString()).isEqualTo("organization");
        assertThat(view.get("custom").asBoolean()).isTrue();
        assertThat(view.get("instanceDefaults").toString()).isEqualTo("[\"baseUrl\"]");
        assertThat(view.has("apiKey")).isFalse();
        assertThat(get(ownerToken)).isEqualTo(view);

        assertThat(aiSettings.forOrganization(owner.orgId()))
                .isEqualTo(new LlmProviderSettings("anthropic", "claude-opus-4-1", null, KEY));

        // At rest: AES-GCM under the current master key, bound to this organization.
        String raw = rawKey(owner.orgId());
        assertThat(raw).startsWith("v1:" + cipher.currentKeyId() + ":").doesNotContain(KEY);
        assertThat(jdbc.sql("SELECT * FROM ai_settings WHERE org_id = :orgId")
                        .param("orgId", owner.orgId())
                        .query()
                        .singleRow()
                        .toString())
                .doesNotContain(KEY)
                .doesNotContain(KEY.substring(13));
        assertThat(cipher.decrypt(raw, "aisettings:" + owner.orgId() + ":apiKey"))
                .isEqualTo(KEY);
        assertThatThrownBy(() -> cipher.decrypt(raw, "aisettings:" + UUID.randomUUID() + ":apiKey"))
                .isInstanceOf(CredentialCipherException.class);

        assertNoKeyAnywhere();
    }

    @Test
    void anAbsentKeyIsKeptAnEmptyOneClearsItAndANewServerNeedsItAgain() {
        assertThat(put(ownerToken, settings("openai", null, "http://localhost:11434", KEY))
                        .status())
                .isEqualTo(200);
        String firstCiphertext = rawKey(owner.orgId());

        // Another model on the same server: the key stays as it was stored.
        HttpApi.Response modelOnly =
                put(ownerToken, settings("openai", "llama3.1:8b", "http://localhost:11434/", null));
        assertThat(modelOnly.status()).as(modelOnly.toString()).isEqualTo(200);
        assertThat(modelOnly.json().get("apiKeySet").asBoolean()).isTrue();
        assertThat(rawKey(owner.orgId())).isEqualTo(firstCiphertext);
        assertThat(aiSettings.forOrganization(owner.orgId()).apiKey()).isEqualTo(KEY);
        assertThat(aiSettings.forOrganization(owner.orgId()).checkedAddresses())
                .as("the addresses localhost was judged by, which the provider then connects to")
                .isNotEmpty()
                .allMatch(java.net.InetAddress::isLoopbackAddress);

        // A stored key is never sent to a server it was not given for.
        for (Map<String, Object> elsewhere : List.of(
                settings("openai", null, "https://evil.example.com", null), settings("anthropic", null, null, null))) {
            assertInvalid(put(ownerToken, elsewhere), "apiKey");
        }
        HttpApi.Response moved = put(ownerToken, settings("openai", "gpt-4.1", "https://evil.example.com", OTHER_KEY));
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        LlmProviderSettings movedSettings = aiSettings.forOrganization(owner.orgId());
        assertThat(movedSettings)
                .usingRecursiveComparison()
                .ignoringFields("checkedAddresses")
                .isEqualTo(new LlmProviderSettings("openai", "gpt-4.1", "https://evil.example.com", OTHER_KEY));
        assertThat(movedSettings.checkedAddresses())
                .as("judged at lookup: the provider connects to the judged addresses only")
                .isNotNull();

        HttpApi.Response cleared = put(ownerToken, settings("openai", "gpt-4.1", "https://evil.example.com", ""));
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(cleared.json().get("apiKeySet").asBoolean()).isFalse();
        assertThat(cleared.json().get("apiKeySource").asString())
                .as("the instance's key is not sent to another server either")
                .isEqualTo("none");
        assertThat(rawKey(owner.orgId())).isNull();
        assertThat(aiSettings.forOrganization(owner.orgId()).apiKey()).isNull();

        // Offline needs no key: any stored one is dropped.
        put(ownerToken, settings("anthropic", null, null, KEY));
        JsonNode offline =
                put(ownerToken, settings("offline", "ignored", null, null)).json();
        assertThat(offline.get("provider").asString()).isEqualTo("offline");
        assertThat(offline.get("model").isNull()).isTrue();
        assertThat(offline.get("apiKeySet").asBoolean()).isFalse();
        assertThat(rawKey(owner.orgId())).isNull();

        JsonNode audit = auditEntries(ownerToken);
        List<String> keyChanges = new ArrayList<>();
        audit.forEach(
                entry -> keyChanges.add(0, entry.get("details").get("apiKey").asString()));
        assertThat(keyChanges).containsExactly("replaced", "unchanged", "replaced", "cleared", "replaced", "cleared");
        assertNoKeyAnywhere();
    }

    @Test
    void badInputIsAProblemOnTheField() {
        assertInvalid(put(ownerToken, settings(null, null, null, null)), "provider");
        assertInvalid(put(ownerToken, settings(" ", null, null, null)), "provider");
        assertInvalid(put(ownerToken, settings("gemini", null, null, KEY)), "provider");
        assertInvalid(put(ownerToken, settings("openai", null, "ftp://files.example.com", KEY)), "baseUrl");
        assertInvalid(put(ownerToken, settings("openai", null, "localhost:11434", KEY)), "baseUrl");
        assertInvalid(put(ownerToken, settings("openai", null, "http://exa mple.com", KEY)), "baseUrl");
        assertInvalid(put(ownerToken, settings("openai", null, "http://me:" + KEY + "@example.com", null)), "baseUrl");
        assertInvalid(put(ownerToken, settings("openai", "gpt\r\nX-Injected: 1", null, KEY)), "model");
        assertInvalid(put(ownerToken, settings("openai", "m".repeat(201), null, KEY)), "model");
        assertInvalid(put(ownerToken, settings("openai", null, null, KEY + "\nX-Injected: 1")), "apiKey");
        for (String body : new String[] {"{\"provider\": ", "[1]", "{\"provider\": {\"a\": 1}}"}) {
            HttpApi.Response response = put(ownerToken, body);
            assertThat(response.status()).as(body + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(get(ownerToken).get("custom").asBoolean())
                .as("nothing was saved")
                .isFalse();
        assertNoKeyAnywhere();
    }

    @Test
    void linkLocalAndCloudMetadataAddressesAreRefusedAsForDataSources() {
        for (String baseUrl : List.of(
                "http://169.254.169.254/latest/meta-data",
                "http://169.254.170.2:80/v1",
                "http://[fd00:ec2::254]/",
                "http://[fe80::1]:11434",
                "http://[::ffff:169.254.169.254]/",
                "http://metadata.google.internal/computeMetadata/v1",
                "http://METADATA.GOOGLE.INTERNAL",
                "http://100.100.100.200/latest",
                "http://0.0.0.0:11434",
                "http://2852039166/",
                "https://0xA9FEA9FE/")) {
            HttpApi.Response refused = put(ownerToken, settings("openai", null, baseUrl, KEY));
            assertInvalid(refused, "baseUrl");
            assertThat(refused.json().get("errors").get(0).get("message").asString())
                    .as(baseUrl)
                    .isNotBlank();
        }
        assertThat(get(ownerToken).get("custom").asBoolean())
                .as("nothing was saved")
                .isFalse();

        // Loopback and private networks are where a local Ollama or LM Studio listens: allowed by default.
        for (String baseUrl : List.of(
                "http://localhost:11434",
                "http://127.0.0.1:1234/v1",
                "http://192.168.1.20:11434",
                "http://[::1]:8000")) {
            HttpApi.Response saved = put(ownerToken, settings("openai", null, baseUrl, KEY));
            assertThat(saved.status()).as(baseUrl + ": " + saved).isEqualTo(200);
        }

        // A row stored before the check (or a name that resolves elsewhere now) is refused when it would be used.
        jdbc.sql("UPDATE ai_settings SET base_url = 'http://169.254.169.254' WHERE org_id = :orgId")
                .param("orgId", owner.orgId())
                .update();
        assertThatThrownBy(() -> aiSettings.forOrganization(owner.orgId()))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("169.254.169.254 is a link-local address")
                .hasMessageContaining("ask an admin");
        assertNoKeyAnywhere();
    }

    @Test
    void onlyAdminsAndTheOwnerReadOrChangeThem() {
        String admin = tokenOf("admin");
        HttpApi.Response byAdmin = put(admin, settings("anthropic", null, null, KEY));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(get(admin).get("provider").asString()).isEqualTo("anthropic");

        for (String role : new String[] {"analyst", "viewer"}) {
            String token = tokenOf(role);
            HttpApi.Response read = api.request("GET", PATH).bearer(token).send();
            HttpApi.Response write = put(token, settings("offline", null, null, null));
            for (HttpApi.Response response : List.of(read, write)) {
                assertThat(response.status()).as(role + ": " + response).isEqualTo(403);
                assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
                bodies.add(response.body());
            }
        }
        assertThat(aiSettings.forOrganization(owner.orgId()).provider()).isEqualTo("anthropic");
        assertNoKeyAnywhere();
    }

    @Test
    void organizationsDoNotSeeOrUseEachOthersSettings() {
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        assertThat(put(otherToken, settings("openai", "other-model", "http://10.1.2.3:8000", OTHER_KEY))
                        .status())
                .isEqualTo(200);
        assertThat(put(ownerToken, settings("anthropic", null, null, KEY)).status())
                .isEqualTo(200);

        JsonNode mine = get(ownerToken);
        assertThat(mine.toString()).doesNotContain("other-model").doesNotContain("10.1.2.3");
        assertThat(aiSettings.forOrganization(owner.orgId()).apiKey()).isEqualTo(KEY);
        assertThat(aiSettings.forOrganization(other.orgId()).apiKey()).isEqualTo(OTHER_KEY);
        assertThat(auditEntries(ownerToken).toString()).doesNotContain("other-model");

        // A ciphertext copied into another organization's row does not decrypt there.
        jdbc.sql("UPDATE ai_settings SET api_key_enc = :stolen WHERE org_id = :orgId")
                .param("stolen", rawKey(other.orgId()))
                .param("orgId", owner.orgId())
                .update();
        assertThatThrownBy(() -> aiSettings.forOrganization(owner.orgId()))
                .hasMessageContaining("enter it again")
                .hasMessageNotContaining(OTHER_KEY);
    }

    private void assertNoKeyAnywhere() {
        bodies.add(auditEntries(ownerToken).toString());
        assertThat(bodies)
                .isNotEmpty()
                .allSatisfy(body -> assertThat(body).doesNotContain(KEY).doesNotContain(OTHER_KEY));
    }

    private static Map<String, Object> settings(String provider, String model, String baseUrl, String apiKey) {
        Map<String, Object> body = new HashMap<>();
        body.put("provider", provider);
        body.put("model", model);
        body.put("baseUrl", baseUrl);
        if (apiKey != null) {
            body.put("apiKey", apiKey);
        }
        return body;
    }

    private String rawKey(UUID orgId) {
        return jdbc.sql("SELECT api_key_enc FROM ai_settings WHERE org_id = :orgId")
                .param("orgId", orgId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private JsonNode auditEntries(String token) {
        HttpApi.Response response = api.request("GET", "/api/v1/audit?action=aisettings.updated&limit=100")
                .bearer(token)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items");
    }

    private String tokenOf(String role) {
        return TestAccounts.token(api, TestAccounts.addMember(api, ownerToken, owner.orgId(), role))
                .accessToken();
    }

    private JsonNode get(String token) {
        HttpApi.Response response = api.request("GET", PATH).bearer(token).send();
        bodies.add(response.body());
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private HttpApi.Response put(String token, Object body) {
        HttpApi.Response response =
                api.request("PUT", PATH).bearer(token).json(body).send();
        bodies.add(response.body());
        return response;
    }

    private static void assertInvalid(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString())
                .as(response.toString())
                .isEqualTo(field);
    }
}
