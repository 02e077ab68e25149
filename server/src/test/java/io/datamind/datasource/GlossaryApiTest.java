package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.datamind.offline.OfflineAnswer;
import io.datamind.offline.OfflineDialect;
import io.datamind.offline.OfflineEngine;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.SchemaSnapshots;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
class GlossaryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Glossaries glossaries;

    @Autowired
    SchemaSnapshots snapshots;

    @Autowired
    JdbcClient jdbc;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;
    String connectionId;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
        connectionId = api.request("GET", "/api/v1/connections")
                .bearer(ownerToken)
                .send()
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
    }

    @Test
    void adminsReplaceItMembersReadItAndTheOfflineEngineUsesIt() {
        JsonNode empty = get(ownerToken).json();
        assertThat(empty.get("terms").size()).isZero();
        assertThat(empty.get("updatedAt").isNull()).isTrue();

        HttpApi.Response saved = put(
                ownerToken,
                List.of(term("patrons", "customers"), term("  big \t spenders ", "customers.lifetime_value")));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("terms").toString())
                .isEqualTo("[{\"term\":\"patrons\",\"meaning\":\"customers\"},"
                        + "{\"term\":\"big spenders\",\"meaning\":\"customers.lifetime_value\"}]");
        assertThat(saved.json().get("updatedAt").asString()).isNotBlank();

        TestAccounts.Account viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        HttpApi.Response read = get(TestAccounts.token(api, viewer).accessToken());
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().get("terms")).isEqualTo(saved.json().get("terms"));

        UUID connection = UUID.fromString(connectionId);
        Map<String, String> stored = glossaries.of(owner.orgId(), connection);
        assertThat(stored)
                .containsExactly(
                        Map.entry("patrons", "customers"), Map.entry("big spenders", "customers.lifetime_value"));
        assertThat(glossaries.of(UUID.randomUUID(), connection))
                .as("another organization's")
                .isEmpty();

        // The stored form is the offline engine's: "patrons" now means the customers table.
        SchemaSnapshot schema = await().atMost(Duration.ofMinutes(2))
                .until(() -> snapshots.latest(owner.orgId(), connection).orElse(null), s -> s != null);
        OfflineEngine engine = new OfflineEngine();
        String question = "How many patrons are there?";
        assertThat(engine.translate(question, schema, OfflineDialect.DUCKDB, Map.of()))
                .isInstanceOf(OfflineAnswer.Declined.class);
        OfflineAnswer answer = engine.translate(question, schema, OfflineDialect.DUCKDB, stored);
        assertThat(answer).isInstanceOf(OfflineAnswer.Sql.class);
        assertThat(((OfflineAnswer.Sql) answer).sql()).containsIgnoringCase("customers");

        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE org_id = :org AND action = :action"
                                + " AND target_id = :id")
                        .param("org", owner.orgId())
                        .param("action", "datasource.glossary.updated")
                        .param("id", connectionId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        HttpApi.Response cleared = put(ownerToken, List.of());
        assertThat(cleared.status()).as(cleared.toString()).isEqualTo(200);
        assertThat(get(ownerToken).json().get("terms").size()).isZero();
        assertThat(glossaries.of(owner.orgId(), connection)).isEmpty();
    }

    @Test
    void invalidGlossariesAreRefusedWithTheFieldAndNothingIsStored() {
        assertThat(put(ownerToken, List.of(term("patrons", "customers"))).status())
                .isEqualTo(200);

        assertInvalid(
                api.request("PUT", path()).bearer(ownerToken).json(Map.of()).send(), "terms");
        assertInvalid(put(ownerToken, List.of(term("x".repeat(101), "customers"))), "terms[0].term");
        assertInvalid(put(ownerToken, List.of(term("vip", "y".repeat(201)))), "terms[0].meaning");
        assertInvalid(put(ownerToken, List.of(term("vip", "  "))), "terms[0].meaning");
        assertInvalid(put(ownerToken, List.of(term(null, "customers"))), "terms[0].term");
        assertInvalid(put(ownerToken, List.of(term("!!!", "customers"))), "terms[0].term");
        assertInvalid(put(ownerToken, List.of(term("v\u0000ip", "customers"))), "terms[0].term");
        assertInvalid(put(ownerToken, List.of(term("vip", "customers\u202e"))), "terms[0].meaning");
        assertInvalid(
                put(ownerToken, List.of(term("Patrons", "customers"), term("patrons", "orders"))), "terms[1].term");
        List<Map<String, String>> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(term("term " + i, "customers"));
        }
        assertInvalid(put(ownerToken, tooMany), "terms");
        assertThat(put(ownerToken, tooMany.subList(0, 500)).status()).isEqualTo(200);

        HttpApi.Response malformed = api.request("PUT", path())
                .bearer(ownerToken)
                .json(Map.of("terms", "patrons=customers"))
                .send();
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(400);
        assertThat(malformed.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(get(ownerToken).json().get("terms").size()).isEqualTo(500);
    }

    @Test
    void onlyAdminsChangeItAndOtherOrganizationsSeeNothing() {
        assertThat(put(ownerToken, List.of(term("patrons", "customers"))).status())
                .isEqualTo(200);
        TestAccounts.Account admin = TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin");
        TestAccounts.Account analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
        TestAccounts.Account viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");

        assertThat(put(TestAccounts.token(api, admin).accessToken(), List.of(term("clients", "customers")))
                        .status())
                .isEqualTo(200);
        for (TestAccounts.Account member : List.of(analyst, viewer)) {
            String token = TestAccounts.token(api, member).accessToken();
            HttpApi.Response refused = put(token, List.of(term("shoppers", "customers")));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(get(token).status()).isEqualTo(200);
        }

        TestAccounts.Account stranger = TestAccounts.registerOwner(api);
        String strangerToken = TestAccounts.token(api, stranger).accessToken();
        HttpApi.Response read = get(strangerToken);
        assertThat(read.status()).as(read.toString()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("clients");
        assertThat(put(strangerToken, List.of(term("mine", "customers"))).status())
                .isEqualTo(404);
        assertThat(api.request("GET", "/api/v1/connections/" + UUID.randomUUID() + "/glossary")
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(get(ownerToken).json().get("terms").get(0).get("term").asString())
                .isEqualTo("clients");
    }

    private void assertInvalid(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        List<String> fields = new ArrayList<>();
        response.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).as(response.toString()).contains(field);
    }

    private String path() {
        return "/api/v1/connections/" + connectionId + "/glossary";
    }

    private HttpApi.Response get(String token) {
        return api.request("GET", path()).bearer(token).send();
    }

    private HttpApi.Response put(String token, List<Map<String, String>> terms) {
        return api.request("PUT", path())
                .bearer(token)
                .json(Map.of("terms", terms))
                .send();
    }

    private static Map<String, String> term(String term, String meaning) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("term", term);
        entry.put("meaning", meaning);
        return entry;
    }
}
