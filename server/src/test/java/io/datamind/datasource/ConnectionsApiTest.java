package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.query.QueryRunner;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
// Many sign-ins from one address; the limits have their own tests.
@TestPropertySource(properties = "datamind.rate-limit.enabled=false")
class ConnectionsApiTest {

    private static final String SECRET = "s3cret-connection-pw";

    @LocalServerPort
    int port;

    @Autowired
    ConnectionTargets targets;

    @Autowired
    QueryRunner runner;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
    }

    private static Map<String, Object> postgres(String name, String database, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "postgresql");
        body.put("host", TestServices.PG_HOST);
        body.put("port", Integer.parseInt(TestServices.PG_PORT));
        body.put("database", database);
        body.put("username", TestServices.PG_USER);
        body.put("sslMode", "disable");
        if (password != null) {
            body.put("password", password);
        }
        return body;
    }

    private HttpApi.Response call(String method, String path, String token, Object body) {
        HttpApi.Request request = api.request(method, path).bearer(token);
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }

    @Test
    void newOrganizationHasTheManagedSampleConnection() {
        HttpApi.Response list = call("GET", "/api/v1/connections", ownerToken, null);
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        JsonNode items = list.json().get("items");
        assertThat(items.size()).isEqualTo(1);
        JsonNode sample = items.get(0);
        assertThat(sample.get("name").asString()).isEqualTo("Sample Sales");
        assertThat(sample.get("type").asString()).isEqualTo("duckdb");
        assertThat(sample.get("managed").asBoolean()).isTrue();
        String id = sample.get("id").asString();

        HttpApi.Response change = call("PUT", "/api/v1/connections/" + id, ownerToken, postgres("x", "test", null));
        assertThat(change.status()).as(change.toString()).isEqualTo(400);
        assertThat(change.body()).contains("cannot be changed or deleted");
        assertThat(call("DELETE", "/api/v1/connections/" + id, ownerToken, null).status())
                .isEqualTo(400);

        HttpApi.Response test = call("POST", "/api/v1/connections/" + id + "/test", ownerToken, null);
        assertThat(test.status()).as(test.toString()).isEqualTo(200);
        assertThat(test.json().get("ok").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.json().get("serverVersion").asString()).isNotBlank();
    }

    @Test
    void crudNeverReturnsThePasswordAndRebuildsThePoolOnChange() {
        String first = TestServices.createPostgresDatabase("conn_a");
        String second = TestServices.createPostgresDatabase("conn_b");

        HttpApi.Response created =
                call("POST", "/api/v1/connections", ownerToken, postgres("Warehouse", first, SECRET));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.body()).doesNotContain(SECRET);
        assertThat(created.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(created.json().has("password")).isFalse();
        UUID id = UUID.fromString(created.json().get("id").asString());

        String stored = jdbc.sql("SELECT password_enc FROM connections WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(stored).isNotBlank().doesNotContain(SECRET);

        HttpApi.Response duplicate =
                call("POST", "/api/v1/connections", ownerToken, postgres("warehouse", first, SECRET));
        assertThat(duplicate.status()).as(duplicate.toString()).isEqualTo(409);

        HttpApi.Response invalid = call("POST", "/api/v1/connections", ownerToken, Map.of("name", "Bad", "type", "h2"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("type");

        HttpApi.Response one = call("GET", "/api/v1/connections/" + id, ownerToken, null);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.body()).doesNotContain(SECRET);
        assertThat(one.json().get("database").asString()).isEqualTo(first);
        HttpApi.Response list = call("GET", "/api/v1/connections", ownerToken, null);
        assertThat(list.json().get("total").asLong()).isEqualTo(2);
        assertThat(list.body()).doesNotContain(SECRET);

        HttpApi.Response test = call("POST", "/api/v1/connections/" + id + "/test", ownerToken, null);
        assertThat(test.json().get("ok").asBoolean()).as(test.toString()).isTrue();
        assertThat(currentDatabase(id)).isEqualTo(first);

        // No password in the body: the stored one is kept.
        HttpApi.Response changed =
                call("PUT", "/api/v1/connections/" + id, ownerToken, postgres("Warehouse 2", second, null));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("passwordSet").asBoolean()).isTrue();
        assertThat(changed.json().get("name").asString()).isEqualTo("Warehouse 2");
        assertThat(jdbc.sql("SELECT password_enc FROM connections WHERE id = :id")
                        .param("id", id)
                        .query(String.class)
                        .single())
                .isEqualTo(stored);
        assertThat(targets.forConnection(owner.orgId(), id).password()).isEqualTo(SECRET);
        assertThat(currentDatabase(id)).as("the pool follows the new details").isEqualTo(second);

        HttpApi.Response unsaved = call("POST", "/api/v1/connections/test", ownerToken, postgres(null, second, null));
        assertThat(unsaved.status()).as(unsaved.toString()).isEqualTo(200);
        assertThat(unsaved.json().get("ok").asBoolean()).isTrue();
        assertThat(unsaved.json().get("latencyMs").isNumber()).isTrue();

        assertThat(call("DELETE", "/api/v1/connections/" + id, ownerToken, null).status())
                .isEqualTo(204);
        assertThat(call("GET", "/api/v1/connections/" + id, ownerToken, null).status())
                .isEqualTo(404);

        JsonNode audit =
                call("GET", "/api/v1/audit?limit=100", ownerToken, null).json();
        assertThat(audit.toString())
                .contains(
                        "datasource.connection.created",
                        "datasource.connection.updated",
                        "datasource.connection.tested",
                        "datasource.connection.deleted")
                .doesNotContain(SECRET);
    }

    @Test
    void rolesAndOtherOrganizations() {
        String database = TestServices.createPostgresDatabase("conn_roles");
        TestAccounts.Account analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
        TestAccounts.Account viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        String analystToken = TestAccounts.token(api, analyst).accessToken();
        String viewerToken = TestAccounts.token(api, viewer).accessToken();
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();

        UUID id = UUID.fromString(call("POST", "/api/v1/connections", ownerToken, postgres("Roles", database, null))
                .json()
                .get("id")
                .asString());
        String path = "/api/v1/connections/" + id;

        assertThat(call("POST", "/api/v1/connections", analystToken, postgres("A", database, null))
                        .status())
                .isEqualTo(403);
        assertThat(call("PUT", path, analystToken, postgres("A", database, null))
                        .status())
                .isEqualTo(403);
        assertThat(call("DELETE", path, analystToken, null).status()).isEqualTo(403);
        assertThat(call("POST", "/api/v1/connections/test", analystToken, postgres(null, database, null))
                        .status())
                .isEqualTo(403);
        assertThat(call("POST", path + "/test", analystToken, null).status()).isEqualTo(200);
        assertThat(call("GET", path, viewerToken, null).status()).isEqualTo(200);
        assertThat(call("GET", "/api/v1/connections", viewerToken, null).status())
                .isEqualTo(200);
        assertThat(call("POST", path + "/test", viewerToken, null).status()).isEqualTo(403);

        assertThat(call("GET", path, otherToken, null).status()).isEqualTo(404);
        assertThat(call("PUT", path, otherToken, postgres("Stolen", database, null))
                        .status())
                .isEqualTo(404);
        assertThat(call("POST", path + "/test", otherToken, null).status()).isEqualTo(404);
        assertThat(call("DELETE", path, otherToken, null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/v1/connections", otherToken, null).body()).doesNotContain(id.toString());
        assertThat(call("GET", path, ownerToken, null).json().get("name").asString())
                .isEqualTo("Roles");
    }

    /**
     * The edit form's Test button sends the edited details to {@code POST /{id}/test}: they are tested, not the
     * saved ones, with the stored password when none is typed, and nothing is saved. MariaDB with a password user,
     * so a test can only succeed with the stored password.
     */
    @Test
    void editedDetailsAreTestedWithTheStoredPasswordWithoutBeingSaved() throws SQLException {
        String first = TestServices.createMariadbDatabase("edit_a");
        String second = TestServices.createMariadbDatabase("edit_b");
        String missing =
                "edit_missing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String user = "dm_edit_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        mariadb("CREATE USER '" + user + "'@'%' IDENTIFIED BY '" + SECRET + "'");
        try {
            mariadb("GRANT SELECT ON " + first + ".* TO '" + user + "'@'%'");
            mariadb("GRANT SELECT ON " + second + ".* TO '" + user + "'@'%'");
            String id = call("POST", "/api/v1/connections", ownerToken, mariadb("Shop", first, user, SECRET))
                    .json()
                    .get("id")
                    .asString();
            String test = "/api/v1/connections/" + id + "/test";

            HttpApi.Response toSecond = call("POST", test, ownerToken, mariadb("Shop", second, user, null));
            assertThat(toSecond.status()).as(toSecond.toString()).isEqualTo(200);
            assertThat(toSecond.json().get("ok").asBoolean())
                    .as("the stored password opens the edited database: %s", toSecond)
                    .isTrue();

            HttpApi.Response toMissing = call("POST", test, ownerToken, mariadb("Shop", missing, user, null));
            assertThat(toMissing.status()).as(toMissing.toString()).isEqualTo(200);
            assertThat(toMissing.json().get("ok").asBoolean())
                    .as("the edited database is the one tested: %s", toMissing)
                    .isFalse();
            assertThat(toMissing.json().get("message").asString()).isNotBlank();
            // Without a body the saved details are tested, and they still work: nothing above was saved.
            HttpApi.Response saved = call("POST", test, ownerToken, null);
            assertThat(saved.json().get("ok").asBoolean()).as(saved.toString()).isTrue();
            assertThat(call("GET", "/api/v1/connections/" + id, ownerToken, null)
                            .json()
                            .get("database")
                            .asString())
                    .isEqualTo(first);

            // A typed password replaces the stored one for the test: a wrong one fails.
            HttpApi.Response wrong = call("POST", test, ownerToken, mariadb("Shop", second, user, "not-the-password"));
            assertThat(wrong.json().get("ok").asBoolean()).as(wrong.toString()).isFalse();

            // The same checks as saving: a 400 naming the field, before anything is opened.
            Map<String, Object> bad = mariadb("Shop", second, user, null);
            bad.put("host", "db/evil?x=1");
            HttpApi.Response refused = call("POST", test, ownerToken, bad);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.header("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.json().get("errors").get(0).get("field").asString())
                    .isEqualTo("host");
            Map<String, Object> unnamed = mariadb(null, second, user, null);
            assertThat(call("POST", test, ownerToken, unnamed).status()).isEqualTo(400);

            // Edited details are an admin's business; analysts test what is saved.
            TestAccounts.Account analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
            String analystToken = TestAccounts.token(api, analyst).accessToken();
            assertThat(call("POST", test, analystToken, mariadb("Shop", second, user, null))
                            .status())
                    .isEqualTo(403);
            assertThat(call("POST", test, analystToken, null).status()).isEqualTo(200);
            String otherToken =
                    TestAccounts.token(api, TestAccounts.registerOwner(api)).accessToken();
            assertThat(call("POST", test, otherToken, mariadb("Shop", second, user, null))
                            .status())
                    .isEqualTo(404);
            // The built-in connections cannot be edited, so their edited details cannot be tested either.
            String sample = call("GET", "/api/v1/connections", ownerToken, null)
                    .json()
                    .get("items")
                    .valueStream()
                    .filter(item -> item.get("managed").asBoolean())
                    .findFirst()
                    .orElseThrow()
                    .get("id")
                    .asString();
            HttpApi.Response managed = call(
                    "POST", "/api/v1/connections/" + sample + "/test", ownerToken, mariadb("x", second, user, null));
            assertThat(managed.status()).as(managed.toString()).isEqualTo(400);

            assertThat(call("GET", "/api/v1/audit?limit=100", ownerToken, null).body())
                    .contains("\"edited\":true")
                    .doesNotContain(SECRET);
        } finally {
            mariadb("DROP USER IF EXISTS '" + user + "'@'%'");
        }
    }

    private static Map<String, Object> mariadb(String name, String database, String user, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", "mariadb");
        body.put("host", TestServices.MARIADB_HOST);
        body.put("port", Integer.parseInt(TestServices.MARIADB_PORT));
        body.put("database", database);
        body.put("username", user);
        body.put("sslMode", "disable");
        if (password != null) {
            body.put("password", password);
        }
        return body;
    }

    private static void mariadb(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(TestServices.mariadbUrl("test"), TestServices.MARIADB_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String currentDatabase(UUID id) {
        return (String) runner.execute(
                        targets.forConnection(owner.orgId(), id), "SELECT current_database()", runner.defaultLimits())
                .rows()
                .get(0)
                .get(0);
    }
}
