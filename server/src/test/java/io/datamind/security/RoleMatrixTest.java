package io.datamind.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.OpenApiOperations;
import io.datamind.support.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What each role may do. A viewer changes nothing: every state-changing operation of the live OpenAPI document is
 * refused, except those about the caller's own session and account. An analyst does not manage the organization:
 * every operation under {@link #ADMIN_ONLY} is refused.
 */
@IntegrationTest
class RoleMatrixTest {

    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** A viewer's own session and account. */
    private static final List<String> OWN_ACCOUNT = List.of("/api/v1/auth/", "/api/v1/me");
    /**
     * Admin-only areas: member management (reading the member list is for everyone) and the audit log. Modules
     * adding connections, AI settings and budget add their paths here.
     */
    private static final List<String> ADMIN_ONLY = List.of(
            "POST|PUT|PATCH|DELETE /api/v1/org/members",
            "* /api/v1/audit",
            // Creating a connection is admin-only too, but "POST /api/v1/connections" would also cover the
            // analysts' test and sync of saved connections: ConnectionsApiTest checks it.
            "PUT|DELETE /api/v1/connections",
            "POST /api/v1/connections/test",
            "PUT /api/v1/org/budget",
            "* /api/v1/org/ai-settings");

    @LocalServerPort
    int port;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;
    TestAccounts.Account admin;
    TestAccounts.Account analyst;
    TestAccounts.Account viewer;
    OpenApiOperations operations;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
        admin = TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin");
        analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
        viewer = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        operations = OpenApiOperations.load(api);
    }

    @Test
    void viewerCannotChangeAnything() {
        String token = TestAccounts.token(api, viewer).accessToken();
        List<String> refused = new ArrayList<>();
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (!CHANGES.contains(operation.method()) || OWN_ACCOUNT.stream().anyMatch(operation.path()::startsWith)) {
                continue;
            }
            // Ids of this organization's own members, so only the role can be the reason for refusal.
            HttpApi.Response response = call(operation, token, analyst.userId().toString());
            assertThat(response.status())
                    .as("%s as viewer: %s", operation, response)
                    .isEqualTo(403);
            assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
            refused.add(operation.toString());
        }
        assertThat(refused).contains("POST /api/v1/org/members", "DELETE /api/v1/org/members/{id}");
        assertThat(membersCount()).as("nothing was added or removed").isEqualTo(4);

        assertThat(get("/api/v1/me", token)).isEqualTo(200);
        assertThat(get("/api/v1/org/members", token)).isEqualTo(200);
        assertThat(get("/api/v1/audit", token)).isEqualTo(403);
        // Their own account is theirs to change.
        HttpApi.Response password = api.request("POST", "/api/v1/me/password")
                .bearer(token)
                .json(Map.of("currentPassword", viewer.password(), "newPassword", "viewer's own new passphrase"))
                .send();
        assertThat(password.status()).as(password.toString()).isEqualTo(204);
    }

    @Test
    void analystCannotManageTheOrganization() {
        String token = TestAccounts.token(api, analyst).accessToken();
        List<String> refused = new ArrayList<>();
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (!adminOnly(operation)) {
                continue;
            }
            HttpApi.Response response = call(operation, token, viewer.userId().toString());
            assertThat(response.status())
                    .as("%s as analyst: %s", operation, response)
                    .isEqualTo(403);
            refused.add(operation.toString());
        }
        assertThat(refused)
                .contains(
                        "POST /api/v1/org/members",
                        "PATCH /api/v1/org/members/{id}",
                        "DELETE /api/v1/org/members/{id}",
                        "GET /api/v1/audit");
        assertThat(membersCount()).isEqualTo(4);
        assertThat(get("/api/v1/org/members", token)).isEqualTo(200);
    }

    @Test
    void adminManagesMembersButOnlyTheOwnerTransfersOwnership() {
        String token = TestAccounts.token(api, admin).accessToken();
        TestAccounts.Account added = TestAccounts.addMember(api, token, owner.orgId(), "viewer");
        assertThat(patchRole(token, added.userId().toString(), "analyst").status())
                .isEqualTo(200);
        assertThat(get("/api/v1/audit", token)).isEqualTo(200);
        assertThat(patchRole(token, analyst.userId().toString(), "owner").status())
                .isEqualTo(403);
        assertThat(patchRole(token, owner.userId().toString(), "viewer").status())
                .isEqualTo(409);
        assertThat(api.request("DELETE", "/api/v1/org/members/" + owner.userId())
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(409);
        assertThat(api.request("DELETE", "/api/v1/org/members/" + added.userId())
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(204);
    }

    private boolean adminOnly(OpenApiOperations.Operation operation) {
        for (String rule : ADMIN_ONLY) {
            String[] parts = rule.split(" ", 2);
            boolean methodMatches =
                    parts[0].equals("*") || Set.of(parts[0].split("\\|")).contains(operation.method());
            if (methodMatches && operation.path().startsWith(parts[1])) {
                return true;
            }
        }
        return false;
    }

    private HttpApi.Response call(OpenApiOperations.Operation operation, String token, String id) {
        HttpApi.Request request =
                api.request(operation.method(), operation.url(id, Map.of())).bearer(token);
        String body = operations.sampleBody(operation, () -> id);
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }

    private HttpApi.Response patchRole(String token, String id, String role) {
        return api.request("PATCH", "/api/v1/org/members/" + id)
                .bearer(token)
                .json(Map.of("role", role))
                .send();
    }

    private int get(String path, String token) {
        return api.request("GET", path).bearer(token).send().status();
    }

    private long membersCount() {
        return api.request("GET", "/api/v1/org/members")
                .bearer(ownerToken)
                .send()
                .json()
                .get("total")
                .asLong();
    }
}
