package io.datamind.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.OpenApiOperations;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two organizations with two users each. Organization A's owner calls every operation of the live OpenAPI
 * document with organization B's ids in the path, the query and the body, and must get 404 (or 403 for a role
 * check, or 400 for a body it did not like) and never any of B's data. Endpoints added later are covered without
 * editing this test; to give it more of B's ids, create B's resources in {@link #createResources} (everything B
 * can list is harvested automatically).
 */
@IntegrationTest
class TenantIsolationTest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // Paths about the caller's own session or with no caller at all: nothing of another organization to reach.
    private static final List<String> NOT_TENANT_SCOPED = List.of("/api/v1/auth/", "/api/v1/health");

    @LocalServerPort
    int port;

    @Test
    void noEndpointReachesAnotherOrganizationsData() {
        HttpApi api = new HttpApi(port);
        Tenant a = createTenant(api);
        Tenant b = createTenant(api);
        createResources(api, a);
        createResources(api, b);
        OpenApiOperations operations = OpenApiOperations.load(api);

        Set<String> bIds = harvestIds(api, operations, b);
        bIds.removeAll(harvestIds(api, operations, a)); // ids both can see (none expected) prove nothing
        assertThat(bIds)
                .contains(
                        b.orgId().toString(),
                        b.ownerId().toString(),
                        b.secondId().toString());
        String bMembersBefore = membersOf(api, b);

        List<String> checked = new ArrayList<>();
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (NOT_TENANT_SCOPED.stream().anyMatch(operation.path()::startsWith)) {
                continue;
            }
            if (operation.hasPathParameters()) {
                for (String bId : bIds) {
                    HttpApi.Response response = call(api, operations, operation, a.ownerToken(), bId, bId);
                    assertThat(response.status())
                            .as("%s with B's id %s: %s", operation, bId, response)
                            .isIn(400, 403, 404);
                    assertNoDataOf(b, bIds, bId, response, operation);
                }
            } else {
                String bId = bIds.iterator().next();
                HttpApi.Response response = call(api, operations, operation, a.ownerToken(), null, bId);
                assertThat(response.status()).as("%s: %s", operation, response).isLessThan(500);
                assertNoDataOf(b, bIds, bId, response, operation);
            }
            checked.add(operation.toString());
        }
        assertThat(checked)
                .as("the walk found the endpoints")
                .contains(
                        "GET /api/v1/me",
                        "GET /api/v1/org/members",
                        "PATCH /api/v1/org/members/{id}",
                        "DELETE /api/v1/org/members/{id}",
                        "GET /api/v1/audit");

        assertThat(membersOf(api, b)).as("B's members are untouched").isEqualTo(bMembersBefore);
        assertThat(api.request("GET", "/api/v1/me")
                        .bearer(b.ownerToken())
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(api.request("GET", "/api/v1/me")
                        .bearer(b.secondToken())
                        .send()
                        .status())
                .isEqualTo(200);
    }

    /** One of every org-owned resource in the organization. Modules that add resources add them here. */
    private static void createResources(HttpApi api, Tenant tenant) {
        // Members are created with the tenant; the audit log fills itself from them.
        // An upload: the organization's Uploads connection, with the marker among its table's sample values.
        HttpApi.Response upload = api.request("POST", "/api/v1/uploads")
                .bearer(tenant.ownerToken())
                .multipart(
                        Map.of(),
                        "file",
                        "tenant.csv",
                        ("name\n" + tenant.marker() + "\n").getBytes(StandardCharsets.UTF_8))
                .send();
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        HttpApi.Response aiSettings = api.request("PUT", "/api/v1/org/ai-settings")
                .bearer(tenant.ownerToken())
                .json(Map.of(
                        "provider", "openai",
                        "model", tenant.marker() + "-model",
                        "baseUrl", "http://" + tenant.marker() + ".example.com",
                        "apiKey", tenant.marker() + "-key"))
                .send();
        assertThat(aiSettings.status()).as(aiSettings.toString()).isEqualTo(200);
        HttpApi.Response budget = api.request("PUT", "/api/v1/org/budget")
                .bearer(tenant.ownerToken())
                .json(Map.of("monthlyTokenBudget", 4242))
                .send();
        assertThat(budget.status()).as(budget.toString()).isEqualTo(200);
        // A conversation on the sample connection, once its schema is discovered; the question carries the marker.
        String connection = TestConnections.sampleConnection(api, tenant.ownerToken());
        HttpApi.Response asked = api.request("POST", "/api/v1/chat/messages")
                .bearer(tenant.ownerToken())
                .json(Map.of("connectionId", connection, "question", "How many orders? " + tenant.marker()))
                .send();
        assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
    }

    private static HttpApi.Response call(
            HttpApi api,
            OpenApiOperations operations,
            OpenApiOperations.Operation operation,
            String token,
            String pathValue,
            String bodyId) {
        Map<String, String> query = new HashMap<>();
        for (OpenApiOperations.Parameter parameter : operation.queryParameters()) {
            if (parameter.format().equals("uuid")) {
                query.put(parameter.name(), bodyId);
            }
        }
        HttpApi.Request request =
                api.request(operation.method(), operation.url(pathValue, query)).bearer(token);
        String body = operations.sampleBody(operation, () -> bodyId);
        if (body != null) {
            request.json(body);
        }
        return request.send();
    }

    private static void assertNoDataOf(
            Tenant b, Set<String> bIds, String usedId, HttpApi.Response response, Object operation) {
        String body = response.body() == null ? "" : response.body();
        assertThat(body).as("%s leaks B's marker", operation).doesNotContain(b.marker());
        Matcher ids = UUID_TEXT.matcher(body);
        while (ids.find()) {
            String id = ids.group();
            if (!id.equals(usedId)) {
                assertThat(bIds)
                        .as("%s leaks B's id %s: %s", operation, id, body)
                        .doesNotContain(id);
            }
        }
    }

    /** Every id the tenant can see by calling each list-style GET (no path parameters) of the API. */
    private static Set<String> harvestIds(HttpApi api, OpenApiOperations operations, Tenant tenant) {
        Set<String> ids = new LinkedHashSet<>(List.of(
                tenant.orgId().toString(),
                tenant.ownerId().toString(),
                tenant.secondId().toString()));
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (operation.method().equals("GET")
                    && !operation.hasPathParameters()
                    && NOT_TENANT_SCOPED.stream().noneMatch(operation.path()::startsWith)) {
                HttpApi.Response response = api.request("GET", operation.path() + "?limit=200")
                        .bearer(tenant.ownerToken())
                        .send();
                Matcher matcher = UUID_TEXT.matcher(response.body());
                while (matcher.find()) {
                    ids.add(matcher.group());
                }
            }
        }
        return ids;
    }

    private static String membersOf(HttpApi api, Tenant tenant) {
        return api.request("GET", "/api/v1/org/members?limit=200")
                .bearer(tenant.ownerToken())
                .send()
                .json()
                .get("items")
                .toString();
    }

    private static Tenant createTenant(HttpApi api) {
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        // The organization's slug is unique; its name, its users' emails and names all carry it: the marker.
        String marker = owner.email().substring(0, owner.email().indexOf('@'));
        String ownerToken = TestAccounts.token(api, owner).accessToken();
        TestAccounts.Account second =
                TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin", marker + "-second@example.com");
        String secondToken = TestAccounts.token(api, second).accessToken();
        return new Tenant(owner.orgId(), owner.userId(), second.userId(), ownerToken, secondToken, marker);
    }

    private record Tenant(
            UUID orgId, UUID ownerId, UUID secondId, String ownerToken, String secondToken, String marker) {}
}
