package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.aisettings.AiSettings;
import io.datamind.secrets.AppSecrets;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * An operator rotated the master key: the server runs with the new key and the old one as a previous key, and
 * re-encrypts connection passwords and AI provider keys stored under the old one.
 */
@IntegrationTest
class MasterKeyRotationTest {

    private static final byte[] OLD_KEY = CredentialCipherTest.key();
    private static final byte[] NEW_KEY = CredentialCipherTest.key();
    private static final String PASSWORD = "pg-password-" + UUID.randomUUID();
    private static final String API_KEY = "sk-ant-" + UUID.randomUUID();

    @DynamicPropertySource
    static void keys(DynamicPropertyRegistry registry) {
        registry.add("datamind.secrets.master-key", () -> Base64.getEncoder().encodeToString(NEW_KEY));
        registry.add(
                "datamind.secrets.previous-master-keys",
                () -> Base64.getEncoder().encodeToString(OLD_KEY));
    }

    @LocalServerPort
    int port;

    @Autowired
    MasterKeyRotation rotation;

    @Autowired
    AppSecrets secrets;

    @Autowired
    ConnectionTargets targets;

    @Autowired
    AiSettings aiSettings;

    @Autowired
    JdbcClient jdbc;

    @Test
    void reencryptsEveryStoredSecretUnderTheNewKey() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        UUID connection = createConnection(api, token, "rotated");
        UUID unreadable = createConnection(api, token, "unreadable");
        HttpApi.Response settings = api.request("PUT", "/api/v1/org/ai-settings")
                .bearer(token)
                .json(Map.of("provider", "anthropic", "apiKey", API_KEY))
                .send();
        assertThat(settings.status()).as(settings.toString()).isEqualTo(200);

        // What the rows looked like before the rotation: under the old key (and one under a key nobody has).
        String oldKeyId = secrets.previousMasterKeys().keySet().iterator().next();
        CredentialCipher old = new CredentialCipher(oldKeyId, OLD_KEY, Map.of());
        CredentialCipher lost = new CredentialCipher("0bad0bad", CredentialCipherTest.key(), Map.of());
        setPassword(connection, old.encrypt(PASSWORD, Connections.passwordContext(connection)));
        setPassword(unreadable, lost.encrypt(PASSWORD, Connections.passwordContext(unreadable)));
        jdbc.sql("UPDATE ai_settings SET api_key_enc = :value WHERE org_id = :orgId")
                .param("value", old.encrypt(API_KEY, "aisettings:" + owner.orgId() + ":apiKey"))
                .param("orgId", owner.orgId())
                .update();
        // Readable meanwhile, through the previous key.
        assertThat(targets.forConnection(owner.orgId(), connection).password()).isEqualTo(PASSWORD);
        assertThat(aiSettings.forOrganization(owner.orgId()).apiKey()).isEqualTo(API_KEY);

        CredentialRotation.Result result = rotation.run();

        assertThat(result).isEqualTo(new CredentialRotation.Result(2, 1, 0));
        String newKeyId = secrets.masterKeyId();
        CredentialCipher newOnly = new CredentialCipher(newKeyId, NEW_KEY, Map.of());
        String password = passwordOf(connection);
        String apiKey = jdbc.sql("SELECT api_key_enc FROM ai_settings WHERE org_id = :orgId")
                .param("orgId", owner.orgId())
                .query(String.class)
                .single();
        assertThat(password).startsWith("v1:" + newKeyId + ":");
        assertThat(apiKey).startsWith("v1:" + newKeyId + ":");
        assertThat(newOnly.decrypt(password, Connections.passwordContext(connection)))
                .isEqualTo(PASSWORD);
        assertThat(newOnly.decrypt(apiKey, "aisettings:" + owner.orgId() + ":apiKey"))
                .isEqualTo(API_KEY);
        assertThat(passwordOf(unreadable)).as("left as it was").startsWith("v1:0bad0bad:");
        assertThat(targets.forConnection(owner.orgId(), connection).password()).isEqualTo(PASSWORD);
        assertThat(aiSettings.forOrganization(owner.orgId()).apiKey()).isEqualTo(API_KEY);

        HttpApi.Response test = api.request("POST", "/api/v1/connections/" + unreadable + "/test")
                .bearer(token)
                .send();
        assertThat(test.status()).as(test.toString()).isEqualTo(409);
        assertThat(test.json().get("detail").asString()).contains("ask an admin to enter it again");

        // A rerun finds only what it cannot read.
        assertThat(rotation.run()).isEqualTo(new CredentialRotation.Result(0, 1, 0));
    }

    private UUID createConnection(HttpApi api, String token, String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "postgresql");
        body.put("host", TestServices.PG_HOST);
        body.put("port", Integer.parseInt(TestServices.PG_PORT));
        body.put("database", "test");
        body.put("username", TestServices.PG_USER);
        body.put("password", PASSWORD);
        body.put("sslMode", "disable");
        HttpApi.Response response = api.request("POST", "/api/v1/connections")
                .bearer(token)
                .json(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return UUID.fromString(response.json().get("id").asString());
    }

    private void setPassword(UUID connection, String value) {
        jdbc.sql("UPDATE connections SET password_enc = :value WHERE id = :id")
                .param("value", value)
                .param("id", connection)
                .update();
    }

    private String passwordOf(UUID connection) {
        return jdbc.sql("SELECT password_enc FROM connections WHERE id = :id")
                .param("id", connection)
                .query(String.class)
                .single();
    }
}
