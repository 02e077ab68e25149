package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The whole pipeline over REST with the default offline engine on the Sample Sales database. */
@IntegrationTest
class AskOfflineApiTest {

    @LocalServerPort
    int port;

    HttpApi api;
    TestAccounts.Account owner;
    String token;
    String connection;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        connection = TestConnections.sampleConnection(api, token);
    }

    @Test
    void answersWithSqlResultChartAndAnalysisAndKeepsTheConversation() {
        HttpApi.Response first = ChatFixtures.ask(api, token, connection, "How many orders by status?", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode answer = first.json();
        assertThat(answer.get("status").asString()).isEqualTo("answered");
        assertThat(answer.get("message").isNull()).isTrue();
        assertThat(answer.get("sql").asString())
                .containsIgnoringCase("GROUP BY")
                .containsIgnoringCase("status");
        assertThat(answer.get("reasoning").asString()).isNotBlank();
        assertThat(answer.get("provider").asString()).isEqualTo("offline");
        assertThat(answer.get("model").asString()).isEqualTo("offline-engine");
        assertThat(answer.get("attempts").asInt()).isEqualTo(1);
        assertThat(answer.get("confidence").isNumber())
                .as("the offline engine's confidence")
                .isTrue();
        assertThat(answer.get("confidence").asDouble()).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(answer.get("rowCount").asLong()).isEqualTo(4);
        assertThat(answer.get("rows").size()).isEqualTo(4);
        int label = answer.get("columns").get(0).get("category").asString().equals("text") ? 0 : 1;
        assertThat(answer.get("columns").get(label).get("category").asString()).isEqualTo("text");
        long total = 0;
        for (JsonNode row : answer.get("rows")) {
            total += row.get(1 - label).asLong();
        }
        assertThat(total).as("every order counted once").isEqualTo(50_419);
        assertThat(answer.get("chart").get("type").asString()).isEqualTo("bar");
        assertThat(answer.get("chart").get("x").asString())
                .isEqualTo(answer.get("columns").get(label).get("name").asString());
        assertThat(answer.get("chart").get("y").get(0).asString())
                .isEqualTo(answer.get("columns").get(1 - label).get("name").asString());
        assertThat(answer.get("analysis").asString()).contains("50,419");
        assertThat(answer.get("followUps").size()).isBetween(1, 3);
        JsonNode tokens = answer.get("tokens");
        assertThat(tokens.get("sqlGeneration").get("input").asLong()).isZero();
        assertThat(tokens.get("analysis").get("output").asLong()).isZero();
        List<String> stages = new ArrayList<>();
        answer.get("timings").propertyNames().forEach(stages::add);
        assertThat(stages)
                .containsExactly("schema", "examples", "generate_sql", "check", "execute", "chart", "analyze", "total");
        String sessionId = answer.get("sessionId").asString();

        // A suggested follow-up is one the offline engine can answer.
        String followUp = answer.get("followUps").get(0).asString();
        HttpApi.Response second = ChatFixtures.ask(api, token, connection, followUp, sessionId);
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("status").asString())
                .as(second.json().toString())
                .isEqualTo("answered");
        assertThat(second.json().get("sessionId").asString()).isEqualTo(sessionId);

        JsonNode sessions =
                api.request("GET", "/api/v1/chat/sessions").bearer(token).send().json();
        assertThat(sessions.get("total").asLong()).isEqualTo(1);
        assertThat(sessions.get("items").get(0).get("title").asString()).isEqualTo("How many orders by status?");
        JsonNode messages = api.request("GET", "/api/v1/chat/sessions/" + sessionId + "/messages")
                .bearer(token)
                .send()
                .json();
        assertThat(messages.get("total").asLong()).isEqualTo(2);
        JsonNode stored = messages.get("items").get(0);
        assertThat(stored.get("messageId").asString())
                .isEqualTo(answer.get("messageId").asString());
        assertThat(stored.get("sql").asString()).isEqualTo(answer.get("sql").asString());
        assertThat(stored.get("rows")).isEqualTo(answer.get("rows"));
        assertThat(stored.get("chart")).isEqualTo(answer.get("chart"));
        assertThat(stored.get("timings")).isEqualTo(answer.get("timings"));
        assertThat(stored.get("confidence").asDouble())
                .isEqualTo(answer.get("confidence").asDouble());
        assertThat(messages.get("items").get(1).get("question").asString()).isEqualTo(followUp);

        String audit = api.request("GET", "/api/v1/audit?action=ask.question.answered")
                .bearer(token)
                .send()
                .body();
        assertThat(audit).contains("sqlSha256").doesNotContain("GROUP BY").doesNotContain("delivered");
    }

    @Test
    void aQuestionTheEngineCannotReadIsDeclinedWithReasonAndSuggestion() {
        HttpApi.Response response = ChatFixtures.ask(
                api, token, connection, "Why do our warehouse robots complain about the weather?", null);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("status").asString()).isEqualTo("declined");
        assertThat(answer.get("message").asString()).contains("offline engine").contains("glossary");
        assertThat(answer.get("sql").isNull()).isTrue();
        assertThat(answer.get("confidence").isNull())
                .as("no SQL, no confidence")
                .isTrue();
        assertThat(answer.get("rows").size()).isZero();
        assertThat(answer.get("chart").isNull()).isTrue();
    }

    @Test
    void badInputIsAProblemAndOtherOrganizationsSeeNothing() {
        HttpApi.Response blank = ChatFixtures.ask(api, token, connection, "  ", null);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(blank.json().get("errors").get(0).get("field").asString()).isEqualTo("question");
        HttpApi.Response noConnection = api.request("POST", "/api/v1/chat/messages")
                .bearer(token)
                .json(Map.of("question", "How many orders?"))
                .send();
        assertThat(noConnection.status()).isEqualTo(400);
        assertThat(ChatFixtures.ask(api, token, connection, "x".repeat(2001), null)
                        .status())
                .isEqualTo(400);
        assertThat(ChatFixtures.ask(api, token, connection, "How many orders?", "not-a-uuid")
                        .status())
                .isEqualTo(400);

        HttpApi.Response mine = ChatFixtures.ask(api, token, connection, "How many customers are there?", null);
        assertThat(mine.json().get("status").asString()).isEqualTo("answered");
        assertThat(mine.json().get("rows").get(0).get(0).asLong()).isEqualTo(16_000);
        String sessionId = mine.json().get("sessionId").asString();

        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        assertThat(ChatFixtures.ask(api, otherToken, connection, "How many orders?", null)
                        .status())
                .isEqualTo(404);
        String otherConnection = TestConnections.sampleConnection(api, otherToken);
        HttpApi.Response foreignSession =
                ChatFixtures.ask(api, otherToken, otherConnection, "How many orders?", sessionId);
        assertThat(foreignSession.status()).isEqualTo(404);
        assertThat(foreignSession.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(api.request("GET", "/api/v1/chat/sessions/" + sessionId + "/messages")
                        .bearer(otherToken)
                        .send()
                        .status())
                .isEqualTo(404);

        // A colleague in the same organization does not see the session either.
        TestAccounts.Account colleague = TestAccounts.addMember(api, token, owner.orgId(), "analyst");
        String colleagueToken = TestAccounts.token(api, colleague).accessToken();
        assertThat(api.request("GET", "/api/v1/chat/sessions/" + sessionId + "/messages")
                        .bearer(colleagueToken)
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.request("GET", "/api/v1/chat/sessions")
                        .bearer(colleagueToken)
                        .send()
                        .json()
                        .get("total")
                        .asLong())
                .isZero();

        TestAccounts.Account viewer = TestAccounts.addMember(api, token, owner.orgId(), "viewer");
        String viewerToken = TestAccounts.token(api, viewer).accessToken();
        assertThat(ChatFixtures.ask(api, viewerToken, connection, "How many orders?", null)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void theOfflineEngineUsesNoTokensSoAnExhaustedBudgetNeverStopsIt() {
        HttpApi.Response exhausted = api.request("PUT", "/api/v1/org/budget")
                .bearer(token)
                .json(Map.of("monthlyTokenBudget", 0))
                .send();
        assertThat(exhausted.status()).as(exhausted.toString()).isEqualTo(200);
        assertThat(exhausted.json().get("remaining").asLong()).isZero();
        JsonNode answer = ChatFixtures.ask(api, token, connection, "How many orders by status?", null)
                .json();
        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("answered");
        assertThat(answer.get("provider").asString()).isEqualTo("offline");
        assertThat(answer.get("analysis").asString()).isNotBlank().doesNotContain("budget");
        assertThat(answer.get("timings").has("schema")).isTrue();
    }

    @Test
    void theSameSqlOnTheSameConnectionIsServedFromTheCache() {
        String database = ChatFixtures.artistsDatabase();
        String artists = ChatFixtures.postgresConnection(api, token, database);
        JsonNode first = ChatFixtures.ask(api, token, artists, "How many artists are there?", null)
                .json();
        assertThat(first.get("status").asString()).as(first.toString()).isEqualTo("answered");
        assertThat(first.get("rows").get(0).get(0).asLong()).isEqualTo(3);

        ChatFixtures.execute(database, "INSERT INTO artists VALUES (4, 'Ella')");
        JsonNode cached = ChatFixtures.ask(api, token, artists, "How many artists are there?", null)
                .json();
        assertThat(cached.get("sql").asString()).isEqualTo(first.get("sql").asString());
        assertThat(cached.get("rows").get(0).get(0).asLong())
                .as("the cached result of the same SQL")
                .isEqualTo(3);
        JsonNode other = ChatFixtures.ask(api, token, artists, "What are the names of artists?", null)
                .json();
        assertThat(other.get("rowCount").asLong())
                .as("other SQL reaches the database")
                .isEqualTo(4);
    }
}
