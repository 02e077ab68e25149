package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The chat tables and queries on PostgreSQL as the application database, as in production. */
@IntegrationTest
class AskPostgresAppDatabaseTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String database = TestServices.createPostgresDatabase("datamind_app_ask");
        registry.add("spring.datasource.url", () -> TestServices.postgresUrl(database));
        registry.add("spring.datasource.username", () -> TestServices.PG_USER);
        registry.add("spring.datasource.password", () -> "");
    }

    @LocalServerPort
    int port;

    @Test
    void conversationsAndVerifiedExamplesWork() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = TestConnections.sampleConnection(api, token);

        JsonNode first = ChatFixtures.ask(api, token, connection, "How many orders by status?", null)
                .json();
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("answered");
        String session = first.get("sessionId").asString();
        JsonNode second = ChatFixtures.ask(api, token, connection, "How many customers by segment?", session)
                .json();
        assertThat(second.get("status").asString()).isEqualTo("answered");

        JsonNode messages = api.request("GET", "/api/v1/chat/sessions/" + session + "/messages?limit=1&offset=1")
                .bearer(token)
                .send()
                .json();
        assertThat(messages.get("total").asLong()).isEqualTo(2);
        JsonNode stored = messages.get("items").get(0);
        assertThat(stored.get("question").asString()).isEqualTo("How many customers by segment?");
        assertThat(stored.get("rows")).isEqualTo(second.get("rows"));
        assertThat(stored.get("truncated").asBoolean()).isFalse();
        assertThat(stored.get("createdAt").asString())
                .isEqualTo(second.get("createdAt").asString());

        assertThat(api.request(
                                "POST",
                                "/api/v1/chat/messages/"
                                        + first.get("messageId").asString() + "/feedback")
                        .bearer(token)
                        .json(Map.of("rating", "up"))
                        .send()
                        .status())
                .isEqualTo(200);
        JsonNode reused = ChatFixtures.ask(api, token, connection, "how many orders by status", null)
                .json();
        assertThat(reused.get("attempts").asInt()).isZero();
        assertThat(reused.get("rows")).isEqualTo(first.get("rows"));
        // The reused answer started a newer session; renaming the older one does not bring it back to the top.
        JsonNode renamed = api.request("PATCH", "/api/v1/chat/sessions/" + session)
                .bearer(token)
                .json(Map.of("title", "Orders"))
                .send()
                .json();
        assertThat(renamed.get("title").asString()).isEqualTo("Orders");
        assertThat(Instant.parse(renamed.get("lastMessageAt").asString()))
                .isEqualTo(Instant.parse(second.get("createdAt").asString()));
        JsonNode listed = api.request("GET", "/api/v1/chat/sessions")
                .bearer(token)
                .send()
                .json()
                .get("items");
        assertThat(listed.get(0).get("id").asString())
                .isEqualTo(reused.get("sessionId").asString());
        assertThat(listed.get(1).get("id").asString()).isEqualTo(session);
        assertThat(api.request("DELETE", "/api/v1/chat/sessions/" + session)
                        .bearer(token)
                        .send()
                        .status())
                .isEqualTo(204);
    }
}
