package io.datamind.sqleditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

@IntegrationTest
// Many sign-ins from one address; the limits have their own tests.
@TestPropertySource(properties = "datamind.rate-limit.enabled=false")
class SqlQueryApiTest {

    @LocalServerPort
    int port;

    @Test
    void runsGuardedQueriesOnTheSampleConnection() throws InterruptedException {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = api.request("GET", "/api/v1/connections")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .get(0)
                .get("id")
                .asString();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (api.request("GET", "/api/v1/connections/" + connection + "/schema")
                        .bearer(token)
                        .send()
                        .status()
                != 200) {
            assertThat(System.nanoTime()).as("sample schema discovered").isLessThan(deadline);
            Thread.sleep(200);
        }

        HttpApi.Response count = run(api, token, connection, "SELECT count(*) AS n FROM orders", null);
        assertThat(count.status()).as(count.toString()).isEqualTo(200);
        JsonNode body = count.json();
        assertThat(body.get("columns").get(0).get("name").asString()).isEqualTo("n");
        assertThat(body.get("rows").get(0).get(0).asLong()).isPositive();
        assertThat(body.get("rowCount").asLong()).isEqualTo(1);
        assertThat(body.get("truncated").asBoolean()).isFalse();
        assertThat(body.has("durationMs")).isTrue();

        HttpApi.Response limited = run(api, token, connection, "SELECT * FROM customers", 5);
        assertThat(limited.json().get("rowCount").asLong()).isEqualTo(5);
        assertThat(limited.json().get("truncated").asBoolean()).isTrue();

        HttpApi.Response write = run(api, token, connection, "DELETE FROM orders", null);
        assertThat(write.status()).as(write.toString()).isEqualTo(400);
        assertThat(write.json().get("errors").get(0).get("field").asString()).isEqualTo("sql");
        HttpApi.Response unknown = run(api, token, connection, "SELECT * FROM information_schema.tables", null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);

        TestAccounts.Account viewer = TestAccounts.addMember(api, token, owner.orgId(), "viewer");
        String viewerToken = TestAccounts.token(api, viewer).accessToken();
        assertThat(run(api, viewerToken, connection, "SELECT 1", null).status()).isEqualTo(403);
        TestAccounts.Account analyst = TestAccounts.addMember(api, token, owner.orgId(), "analyst");
        String analystToken = TestAccounts.token(api, analyst).accessToken();
        assertThat(run(api, analystToken, connection, "SELECT count(*) FROM orders", null)
                        .status())
                .isEqualTo(200);

        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        assertThat(run(api, otherToken, connection, "SELECT count(*) FROM orders", null)
                        .status())
                .isEqualTo(404);

        String audit = api.request("GET", "/api/v1/audit?limit=100")
                .bearer(token)
                .send()
                .body();
        assertThat(audit).contains("query.run", "query.refused", "sqlSha256").doesNotContain("FROM customers");
    }

    private static HttpApi.Response run(HttpApi api, String token, String connection, String sql, Integer limit) {
        Map<String, Object> body = new HashMap<>();
        body.put("connectionId", connection);
        body.put("sql", sql);
        if (limit != null) {
            body.put("limit", limit);
        }
        return api.request("POST", "/api/v1/query").bearer(token).json(body).send();
    }
}
