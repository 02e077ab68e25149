package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Listing, paging, renaming and deleting conversations, and feedback rules, with the offline engine. */
@IntegrationTest
class ChatSessionsApiTest {

    @LocalServerPort
    int port;

    @Test
    void sessionsAreListedByLatestMessageAndMessagesOldestFirstAndBelongToTheirMember() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = TestConnections.sampleConnection(api, token);

        List<String> sessions = new ArrayList<>();
        for (String question : List.of("How many customers are there?", "How many orders?", "How many products?")) {
            JsonNode answer =
                    ChatFixtures.ask(api, token, connection, question, null).json();
            assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("answered");
            sessions.add(answer.get("sessionId").asString());
        }
        JsonNode page = get(api, token, "/api/v1/chat/sessions?limit=2").json();
        assertThat(page.get("total").asLong()).isEqualTo(3);
        assertThat(ids(page)).containsExactly(sessions.get(2), sessions.get(1));
        assertThat(ids(get(api, token, "/api/v1/chat/sessions?offset=2&limit=2").json()))
                .containsExactly(sessions.get(0));
        assertThat(get(api, token, "/api/v1/chat/sessions?limit=0").status()).isEqualTo(400);

        // A new question moves its session to the top; its messages stay in the order asked.
        String first = sessions.get(0);
        ChatFixtures.ask(api, token, connection, "How many orders by status?", first);
        ChatFixtures.ask(api, token, connection, "How many customers by segment?", first);
        assertThat(ids(get(api, token, "/api/v1/chat/sessions?limit=1").json())).containsExactly(first);
        JsonNode messages = get(api, token, "/api/v1/chat/sessions/" + first + "/messages?limit=2")
                .json();
        assertThat(messages.get("total").asLong()).isEqualTo(3);
        assertThat(questions(messages)).containsExactly("How many customers are there?", "How many orders by status?");
        assertThat(questions(get(api, token, "/api/v1/chat/sessions/" + first + "/messages?offset=2")
                        .json()))
                .containsExactly("How many customers by segment?");

        HttpApi.Response renamed = api.request("PATCH", "/api/v1/chat/sessions/" + first)
                .bearer(token)
                .json(Map.of("title", "  Customers   overview "))
                .send();
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.json().get("title").asString()).isEqualTo("Customers overview");
        // Renaming is not activity: an older conversation keeps its place; a new question moves it up.
        String older = sessions.get(1);
        List<String> before = ids(get(api, token, "/api/v1/chat/sessions").json());
        assertThat(before).containsExactly(first, sessions.get(2), older);
        JsonNode olderBefore =
                get(api, token, "/api/v1/chat/sessions").json().get("items").get(2);
        HttpApi.Response renamedOlder = api.request("PATCH", "/api/v1/chat/sessions/" + older)
                .bearer(token)
                .json(Map.of("title", "Orders, renamed"))
                .send();
        assertThat(renamedOlder.status()).as(renamedOlder.toString()).isEqualTo(200);
        assertThat(renamedOlder.json().get("lastMessageAt")).isEqualTo(olderBefore.get("lastMessageAt"));
        assertThat(Instant.parse(renamedOlder.json().get("updatedAt").asString()))
                .isAfter(Instant.parse(olderBefore.get("updatedAt").asString()));
        assertThat(ids(get(api, token, "/api/v1/chat/sessions").json())).isEqualTo(before);
        ChatFixtures.ask(api, token, connection, "How many orders by channel?", older);
        assertThat(ids(get(api, token, "/api/v1/chat/sessions").json())).containsExactly(older, first, sessions.get(2));

        HttpApi.Response blank = api.request("PATCH", "/api/v1/chat/sessions/" + first)
                .bearer(token)
                .json(Map.of("title", " "))
                .send();
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.header("Content-Type").orElseThrow()).startsWith("application/problem+json");

        TestAccounts.Account colleague = TestAccounts.addMember(api, token, owner.orgId(), "admin");
        String colleagueToken = TestAccounts.token(api, colleague).accessToken();
        assertThat(api.request("PATCH", "/api/v1/chat/sessions/" + first)
                        .bearer(colleagueToken)
                        .json(Map.of("title", "Mine now"))
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(api.request("DELETE", "/api/v1/chat/sessions/" + first)
                        .bearer(colleagueToken)
                        .send()
                        .status())
                .isEqualTo(404);
        String messageId = messages.get("items").get(0).get("messageId").asString();
        assertThat(api.request("POST", "/api/v1/chat/messages/" + messageId + "/feedback")
                        .bearer(colleagueToken)
                        .json(Map.of("rating", "up"))
                        .send()
                        .status())
                .isEqualTo(404);

        HttpApi.Response deleted = api.request("DELETE", "/api/v1/chat/sessions/" + first)
                .bearer(token)
                .send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(get(api, token, "/api/v1/chat/sessions/" + first + "/messages")
                        .status())
                .isEqualTo(404);
        assertThat(get(api, token, "/api/v1/chat/sessions").json().get("total").asLong())
                .isEqualTo(2);
        assertThat(api.request("POST", "/api/v1/chat/messages/" + messageId + "/feedback")
                        .bearer(token)
                        .json(Map.of("rating", "up"))
                        .send()
                        .status())
                .as("the message went with its session")
                .isEqualTo(404);
    }

    @Test
    void onlyAnsweredQuestionsBecomeVerifiedExamples() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String token = TestAccounts.token(api, owner).accessToken();
        String connection = TestConnections.sampleConnection(api, token);
        JsonNode declined = ChatFixtures.ask(api, token, connection, "Why is the sky blue over the warehouse?", null)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(declined.get("feedback").isNull())
                .as("a fresh answer is not rated")
                .isTrue();
        HttpApi.Response up = api.request(
                        "POST",
                        "/api/v1/chat/messages/" + declined.get("messageId").asString() + "/feedback")
                .bearer(token)
                .json(Map.of("rating", "up"))
                .send();
        assertThat(up.status()).isEqualTo(409);
        HttpApi.Response down = api.request(
                        "POST",
                        "/api/v1/chat/messages/" + declined.get("messageId").asString() + "/feedback")
                .bearer(token)
                .json(Map.of("rating", "down", "comment", "It should have answered"))
                .send();
        assertThat(down.status()).as(down.toString()).isEqualTo(200);
        assertThat(down.json().get("comment").asString()).isEqualTo("It should have answered");
        assertThat(feedbackInHistory(api, token, declined)).isEqualTo("down");

        JsonNode answered = ChatFixtures.ask(api, token, connection, "How many orders by channel?", null)
                .json();
        HttpApi.Response verified = api.request(
                        "POST",
                        "/api/v1/chat/messages/" + answered.get("messageId").asString() + "/feedback")
                .bearer(token)
                .json(Map.of("rating", "up"))
                .send();
        assertThat(verified.status()).isEqualTo(200);
        assertThat(feedbackInHistory(api, token, answered)).isEqualTo("up");
        JsonNode reused = ChatFixtures.ask(api, token, connection, "how many orders by channel", null)
                .json();
        assertThat(reused.get("attempts").asInt()).as("reused, not generated").isZero();
        assertThat(reused.get("confidence").isNull())
                .as("a reused query has no engine confidence")
                .isTrue();
        assertThat(reused.get("reasoning").asString()).contains("verified");
        assertThat(reused.get("rows")).isEqualTo(answered.get("rows"));
        assertThat(feedbackInHistory(api, token, reused)).as("not rated yet").isNull();

        // The latest rating is the one shown.
        api.request("POST", "/api/v1/chat/messages/" + answered.get("messageId").asString() + "/feedback")
                .bearer(token)
                .json(Map.of("rating", "down"))
                .send();
        assertThat(feedbackInHistory(api, token, answered)).isEqualTo("down");
    }

    /** The rating the session history shows for this answer, or null. */
    private static String feedbackInHistory(HttpApi api, String token, JsonNode answer) {
        JsonNode messages = get(
                        api,
                        token,
                        "/api/v1/chat/sessions/" + answer.get("sessionId").asString() + "/messages")
                .json()
                .get("items");
        for (JsonNode message : messages) {
            if (message.get("messageId")
                    .asString()
                    .equals(answer.get("messageId").asString())) {
                assertThat(message.has("feedback")).isTrue();
                return message.get("feedback").isNull()
                        ? null
                        : message.get("feedback").asString();
            }
        }
        throw new AssertionError("message " + answer.get("messageId") + " not in its session");
    }

    private static HttpApi.Response get(HttpApi api, String token, String path) {
        return api.request("GET", path).bearer(token).send();
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }

    private static List<String> questions(JsonNode page) {
        List<String> questions = new ArrayList<>();
        page.get("items").forEach(item -> questions.add(item.get("question").asString()));
        return questions;
    }
}
