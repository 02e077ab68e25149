package io.datamind.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TokenBudgetApiTest {

    @LocalServerPort
    int port;

    @Autowired
    TokenBudgets budgets;

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

    @Test
    void everyMemberSeesTheDefaultBudgetAndTheUsageRecorded() {
        String viewer = tokenOf("viewer");
        JsonNode fresh = get(viewer);
        assertThat(fresh.get("budget").asLong()).isEqualTo(1_000_000);
        assertThat(fresh.get("used").asLong()).isZero();
        assertThat(fresh.get("remaining").asLong()).isEqualTo(1_000_000);
        assertThat(fresh.get("pctUsed").asDouble()).isZero();
        LocalDate nextMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).plusMonths(1);
        assertThat(Instant.parse(fresh.get("resetsAt").asString()))
                .isEqualTo(nextMonth.atStartOfDay(ZoneOffset.UTC).toInstant());

        budgets.record(owner.orgId(), 1200, 300);
        budgets.record(owner.orgId(), 0, 0);
        budgets.record(owner.orgId(), 10_000, 1_000);
        JsonNode after = get(viewer);
        assertThat(after.get("used").asLong()).isEqualTo(12_500);
        assertThat(after.get("remaining").asLong()).isEqualTo(987_500);
        assertThat(after.get("pctUsed").asDouble()).isEqualTo(1.3);
        assertThat(budgets.hasRemaining(owner.orgId())).isTrue();
    }

    @Test
    void adminsAndTheOwnerSetTheBudgetAndItIsAudited() {
        String admin = tokenOf("admin");
        budgets.record(owner.orgId(), 400, 100);

        HttpApi.Response byAdmin = put(admin, Map.of("monthlyTokenBudget", 500));
        assertThat(byAdmin.status()).as(byAdmin.toString()).isEqualTo(200);
        assertThat(byAdmin.json().get("budget").asLong()).isEqualTo(500);
        assertThat(byAdmin.json().get("used").asLong()).isEqualTo(500);
        assertThat(byAdmin.json().get("remaining").asLong()).isZero();
        assertThat(byAdmin.json().get("pctUsed").asDouble()).isEqualTo(100.0);
        assertThat(budgets.hasRemaining(owner.orgId())).isFalse();

        HttpApi.Response byOwner = put(ownerToken, Map.of("monthlyTokenBudget", 2_000));
        assertThat(byOwner.status()).as(byOwner.toString()).isEqualTo(200);
        assertThat(get(ownerToken).get("remaining").asLong()).isEqualTo(1_500);
        assertThat(budgets.hasRemaining(owner.orgId())).isTrue();

        // 0 stops provider calls altogether.
        assertThat(put(ownerToken, Map.of("monthlyTokenBudget", 0)).status()).isEqualTo(200);
        assertThat(budgets.hasRemaining(owner.orgId())).isFalse();
        assertThat(get(ownerToken).get("pctUsed").asDouble()).isEqualTo(100.0);

        JsonNode audit = api.request("GET", "/api/v1/audit?action=budget.updated&limit=50")
                .bearer(ownerToken)
                .send()
                .json()
                .get("items");
        assertThat(audit.size()).isEqualTo(3);
        JsonNode first = audit.get(2);
        assertThat(first.get("targetType").asString()).isEqualTo("organization");
        assertThat(first.get("targetId").asString()).isEqualTo(owner.orgId().toString());
        assertThat(first.get("details").get("previousMonthlyTokenBudget").asLong())
                .isEqualTo(1_000_000);
        assertThat(first.get("details").get("monthlyTokenBudget").asLong()).isEqualTo(500);
    }

    @Test
    void analystsAndViewersCannotChangeIt() {
        for (String role : new String[] {"analyst", "viewer"}) {
            HttpApi.Response response = put(tokenOf(role), Map.of("monthlyTokenBudget", 5));
            assertThat(response.status()).as(role + ": " + response).isEqualTo(403);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(get(ownerToken).get("budget").asLong()).isEqualTo(1_000_000);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Map<String, Object> missing = new HashMap<>();
        missing.put("monthlyTokenBudget", null);
        assertInvalid(put(ownerToken, missing), "monthlyTokenBudget");
        assertInvalid(put(ownerToken, Map.of()), "monthlyTokenBudget");
        assertInvalid(put(ownerToken, Map.of("monthlyTokenBudget", -1)), "monthlyTokenBudget");
        assertInvalid(put(ownerToken, Map.of("monthlyTokenBudget", 1_000_000_000_001L)), "monthlyTokenBudget");
        assertInvalid(put(ownerToken, "{\"monthlyTokenBudget\": 1.5}"), "monthlyTokenBudget");
        assertInvalid(put(ownerToken, "{\"monthlyTokenBudget\": 1e400}"), "monthlyTokenBudget");
        for (String body : new String[] {"{\"monthlyTokenBudget\": \"lots\"}", "{\"monthlyTokenBudget\": ", "[]"}) {
            HttpApi.Response response = put(ownerToken, body);
            assertThat(response.status()).as(body + ": " + response).isEqualTo(400);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        assertThat(get(ownerToken).get("budget").asLong()).isEqualTo(1_000_000);
        // Whole numbers in any spelling are fine.
        assertThat(put(ownerToken, "{\"monthlyTokenBudget\": 2.5e3}")
                        .json()
                        .get("budget")
                        .asLong())
                .isEqualTo(2_500);
    }

    @Test
    void aNewMonthStartsFromZero() {
        budgets.record(owner.orgId(), 7_000, 0);
        // The row as a previous month left it.
        LocalDate lastMonth = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(1);
        jdbc.sql("UPDATE token_budgets SET period_start = :period WHERE org_id = :orgId")
                .param("period", lastMonth)
                .param("orgId", owner.orgId())
                .update();
        assertThat(get(ownerToken).get("used").asLong()).isZero();

        budgets.record(owner.orgId(), 20, 22);
        assertThat(get(ownerToken).get("used").asLong()).isEqualTo(42);
        assertThat(jdbc.sql("SELECT period_start FROM token_budgets WHERE org_id = :orgId")
                        .param("orgId", owner.orgId())
                        .query(LocalDate.class)
                        .single())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1));
    }

    @Test
    void organizationsHaveTheirOwnBudgets() {
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        budgets.record(other.orgId(), 900, 100);
        assertThat(put(otherToken, Map.of("monthlyTokenBudget", 1_000)).status())
                .isEqualTo(200);

        assertThat(get(otherToken).get("remaining").asLong()).isZero();
        JsonNode mine = get(ownerToken);
        assertThat(mine.get("used").asLong()).isZero();
        assertThat(mine.get("budget").asLong()).isEqualTo(1_000_000);
        assertThat(budgets.hasRemaining(owner.orgId())).isTrue();
        assertThat(budgets.hasRemaining(other.orgId())).isFalse();
    }

    private String tokenOf(String role) {
        return TestAccounts.token(api, TestAccounts.addMember(api, ownerToken, owner.orgId(), role))
                .accessToken();
    }

    private JsonNode get(String token) {
        HttpApi.Response response =
                api.request("GET", "/api/v1/org/budget").bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private HttpApi.Response put(String token, Object body) {
        return api.request("PUT", "/api/v1/org/budget").bearer(token).json(body).send();
    }

    private static void assertInvalid(HttpApi.Response response, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo(field);
    }
}
