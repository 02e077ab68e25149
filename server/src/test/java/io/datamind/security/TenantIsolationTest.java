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
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Two organizations with two users each. Organization A's owner calls every operation of the live OpenAPI
 * document with organization B's ids in the path, the query and the body, and never gets any of B's data. B's
 * connection ids (Sample Sales, Uploads and a saved PostgreSQL connection) are pinned: in the path of every
 * {@code /api/v1/connections/{id}...} operation, and in the body of any operation whose body takes an id, they are
 * exactly a 404. Other ids of B, and B's connection ids where another kind of id is expected, may also meet a 403
 * (a role check) or a 400 (a sample body the operation did not like) first. Endpoints added later
 * are covered without editing this test; to give it more of B's ids, create B's resources in {@link
 * #createResources} (everything B can list is harvested automatically).
 */
@IntegrationTest
class TenantIsolationTest {

    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    // Paths about the caller's own session or with no caller at all: nothing of another organization to reach.
    private static final List<String> NOT_TENANT_SCOPED = List.of("/api/v1/auth/", "/api/v1/health");

    private static final String CONNECTION_PATHS = "/api/v1/connections/{";

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
        List<String> bConnections = connectionsOf(api, b);
        assertThat(bIds).containsAll(bConnections);
        String bMembersBefore = membersOf(api, b);
        String bConnectionsBefore = connectionListOf(api, b);

        List<String> checked = new ArrayList<>();
        Set<String> connectionIdIs404 = new TreeSet<>();
        for (OpenApiOperations.Operation operation : operations.all()) {
            if (NOT_TENANT_SCOPED.stream().anyMatch(operation.path()::startsWith)) {
                continue;
            }
            if (operation.hasPathParameters()) {
                for (String bId : bIds) {
                    HttpApi.Response response = call(api, operations, operation, a.ownerToken(), bId, bId);
                    if (takesConnectionInPath(operation) && bConnections.contains(bId)) {
                        assertThat(response.status())
                                .as("%s with B's connection %s: %s", operation, bId, response)
                                .isEqualTo(404);
                        connectionIdIs404.add(operation.toString());
                    } else {
                        assertThat(response.status())
                                .as("%s with B's id %s: %s", operation, bId, response)
                                .isIn(400, 403, 404);
                    }
                    assertNoDataOf(b, bIds, bId, response, operation);
                }
            } else {
                String bId = bIds.iterator().next();
                HttpApi.Response response = call(api, operations, operation, a.ownerToken(), null, bId);
                assertThat(response.status()).as("%s: %s", operation, response).isLessThan(500);
                assertNoDataOf(b, bIds, bId, response, operation);
                if (takesIdInBody(operations, operation)) {
                    for (String connection : bConnections) {
                        HttpApi.Response withConnection =
                                call(api, operations, operation, a.ownerToken(), null, connection);
                        assertThat(withConnection.status())
                                .as("%s with B's connection %s in the body: %s", operation, connection, withConnection)
                                .isEqualTo(404);
                        assertNoDataOf(b, bIds, connection, withConnection, operation);
                        connectionIdIs404.add(operation.toString());
                    }
                }
            }
            checked.add(operation.toString());
        }
        // The walk met every endpoint that takes a connection id (a renamed one would drop out silently).
        assertThat(connectionIdIs404)
                .contains(
                        "GET /api/v1/connections/{id}",
                        "PUT /api/v1/connections/{id}",
                        "DELETE /api/v1/connections/{id}",
                        "POST /api/v1/connections/{id}/test",
                        "GET /api/v1/connections/{id}/sync",
                        "POST /api/v1/connections/{id}/sync",
                        "GET /api/v1/connections/{id}/schema",
                        "GET /api/v1/connections/{id}/glossary",
                        "PUT /api/v1/connections/{id}/glossary",
                        "POST /api/v1/chat/messages",
                        "POST /api/v1/chat/messages/stream",
                        "POST /api/v1/query");
        // The walk sends sample bodies, where another id may be what is refused; these carry only the connection.
        for (String connection : bConnections) {
            assertConnectionNotFound(
                    api, a, b, bIds, connection, "POST", "/api/v1/connections/" + connection + "/test", null);
            assertConnectionNotFound(
                    api,
                    a,
                    b,
                    bIds,
                    connection,
                    "POST",
                    "/api/v1/chat/messages",
                    Map.of("connectionId", connection, "question", "How many orders?"));
            assertConnectionNotFound(
                    api,
                    a,
                    b,
                    bIds,
                    connection,
                    "POST",
                    "/api/v1/chat/messages/stream",
                    Map.of("connectionId", connection, "question", "How many orders?"));
            assertConnectionNotFound(
                    api,
                    a,
                    b,
                    bIds,
                    connection,
                    "POST",
                    "/api/v1/query",
                    Map.of("connectionId", connection, "sql", "SELECT 1"));
        }
        assertThat(connectionListOf(api, b)).as("B's connections are untouched").isEqualTo(bConnectionsBefore);
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
        // A saved connection beside the built-in Sample Sales and Uploads ones.
        TestConnections.createPostgres(api, tenant.ownerToken(), tenant.marker() + " warehouse", "test");
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

    private static void assertConnectionNotFound(
            HttpApi api,
            Tenant a,
            Tenant b,
            Set<String> bIds,
            String connection,
            String method,
            String path,
            Object body) {
        HttpApi.Request request = api.request(method, path).bearer(a.ownerToken());
        if (body != null) {
            request.json(body);
        }
        HttpApi.Response response = request.send();
        assertThat(response.status())
                .as("%s %s %s: %s", method, path, body, response)
                .isEqualTo(404);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        assertNoDataOf(b, bIds, connection, response, method + " " + path);
    }

    /** Whether the operation's path parameter is a connection id. */
    private static boolean takesConnectionInPath(OpenApiOperations.Operation operation) {
        return operation.path().startsWith(CONNECTION_PATHS);
    }

    /** Whether the operation's request body has an id field (the sample body carries the id it is given). */
    private static boolean takesIdInBody(OpenApiOperations operations, OpenApiOperations.Operation operation) {
        String marker = UUID.randomUUID().toString();
        String body = operations.sampleBody(operation, () -> marker);
        return body != null && body.contains(marker);
    }

    /** The ids of the tenant's connections: the built-in Sample Sales and Uploads ones and the saved one. */
    private static List<String> connectionsOf(HttpApi api, Tenant tenant) {
        List<JsonNode> items = api.request("GET", "/api/v1/connections?limit=200")
                .bearer(tenant.ownerToken())
                .send()
                .json()
                .get("items")
                .valueStream()
                .toList();
        assertThat(items.stream().map(item -> item.path("managedKind").asString("")))
                .as("the tenant's connections")
                .contains("sample", "uploads", "");
        return items.stream().map(item -> item.get("id").asString()).toList();
    }

    private static String connectionListOf(HttpApi api, Tenant tenant) {
        return api.request("GET", "/api/v1/connections?limit=200")
                .bearer(tenant.ownerToken())
                .send()
                .json()
                .get("items")
                .toString();
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
