package io.datamind.chatstream;

import static io.datamind.chatstream.StreamFixtures.STAGES;
import static io.datamind.chatstream.StreamFixtures.ask;
import static io.datamind.chatstream.StreamFixtures.indexOf;
import static io.datamind.chatstream.StreamFixtures.stages;
import static io.datamind.chatstream.StreamFixtures.startedAndDone;
import static io.datamind.chatstream.StreamFixtures.text;
import static io.datamind.chatstream.StreamFixtures.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamind.support.ChatSocketClient;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The chat socket with the default offline engine on the Sample Sales database: protocol, order and perimeter. */
@IntegrationTest
class ChatSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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
    void theSessionCookieAuthenticatesAndTheAnswerStreamsInOrder() {
        HttpApi.Browser browser = StreamFixtures.signIn(api, owner);
        try (ChatSocketClient socket = ChatSocketClient.connect(port, StreamFixtures.browserHeaders(browser, port))) {
            socket.send(ask("q-1", connection, "How many orders by status?"));
            List<JsonNode> events = socket.answerTo("q-1", WAIT);

            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(event.get("requestId").asString()).isEqualTo("q-1"));
            assertThat(stages(events)).containsExactlyElementsOf(startedAndDone(STAGES));
            assertThat(types(events)).containsOnly("stage", "token", "result", "chat_response");
            int result = indexOf(events, "result", null);
            assertThat(result)
                    .as("the preview comes as soon as the query ran, before the chart and the analysis")
                    .isGreaterThan(indexOf(events, "stage", "execute:done"))
                    .isLessThan(indexOf(events, "stage", "chart:started"));
            assertThat(events.get(result).get("rowCount").asLong()).isEqualTo(4);
            assertThat(events.get(result).get("rows").size()).isEqualTo(4);
            assertThat(events.get(result).get("columns").get(0).has("category")).isTrue();

            // The offline engine streams its reading of the question while generating, then the analysis.
            assertThat(indexOf(events, "token", null))
                    .isBetween(
                            indexOf(events, "stage", "generate_sql:started"),
                            indexOf(events, "stage", "generate_sql:done"));
            JsonNode answer = events.get(events.size() - 1);
            assertThat(answer.get("type").asString()).isEqualTo("chat_response");
            assertThat(answer.get("status").asString()).isEqualTo("answered");
            assertThat(answer.get("confidence").isNumber())
                    .as("the offline engine's confidence")
                    .isTrue();
            assertThat(text(events, "sql_generation"))
                    .isEqualTo(answer.get("reasoning").asString());
            assertThat(text(events, "analysis"))
                    .isEqualTo(answer.get("analysis").asString());

            // The final event is the REST answer: the stored message, field for field.
            JsonNode stored = api.request(
                            "GET",
                            "/api/v1/chat/sessions/" + answer.get("sessionId").asString() + "/messages")
                    .bearer(token)
                    .send()
                    .json()
                    .get("items")
                    .get(0);
            ObjectNode relayed = (ObjectNode) answer.deepCopy();
            relayed.remove("type");
            relayed.remove("requestId");
            assertThat(relayed).isEqualTo(stored);
        }
    }

    @Test
    void severalQuestionsRunAtOnceOnOneSocketEachInOrder() {
        try (ChatSocketClient socket = authenticated(token)) {
            List<String> questions = List.of(
                    "How many orders by status?", "How many customers are there?", "How many products are there?");
            for (int i = 0; i < questions.size(); i++) {
                socket.send(ask("multi-" + i, connection, questions.get(i)));
            }
            List<JsonNode> all = socket.until(new CountFinals(questions.size()), WAIT);
            for (int i = 0; i < questions.size(); i++) {
                String id = "multi-" + i;
                List<JsonNode> mine = all.stream()
                        .filter(event -> id.equals(event.get("requestId").asString()))
                        .toList();
                assertThat(stages(mine)).as(id).containsExactlyElementsOf(startedAndDone(STAGES));
                assertThat(mine.get(mine.size() - 1).get("type").asString()).isEqualTo("chat_response");
                assertThat(mine.get(mine.size() - 1).get("question").asString()).isEqualTo(questions.get(i));
                assertThat(mine.get(mine.size() - 1).get("status").asString()).isEqualTo("answered");
            }
        }
    }

    @Test
    void aTokenInTheFirstMessageAuthenticatesAClientWithoutCookies() {
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of())) {
            socket.send(Map.of("type", "auth", "token", token));
            JsonNode authenticated = socket.next(WAIT);
            assertThat(authenticated.get("type").asString()).isEqualTo("authenticated");
            assertThat(authenticated.get("userId").asString())
                    .isEqualTo(owner.userId().toString());
            assertThat(authenticated.get("role").asString()).isEqualTo("owner");
            socket.send(ask("q", connection, "How many customers are there?"));
            List<JsonNode> events = socket.answerTo("q", WAIT);
            assertThat(events.get(events.size() - 1).get("rows").get(0).get(0).asLong())
                    .isEqualTo(16_000);
        }
        // A Bearer header on the handshake works too.
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of("Authorization", "Bearer " + token))) {
            socket.send(ask("q", connection, "How many customers are there?"));
            assertThat(socket.answerTo("q", WAIT).get(0).get("type").asString()).isEqualTo("stage");
        }
    }

    @Test
    void unauthenticatedSocketsGetAnErrorEventAndAreClosed() {
        // No credentials: the first message must be auth.
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of())) {
            socket.send(ask("q", connection, "How many orders?"));
            assertUnauthorized(socket.next(WAIT));
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1008);
        }
        // A bad token in the auth message.
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of())) {
            socket.send(Map.of("type", "auth", "token", token.substring(0, token.length() - 4) + "AAAA"));
            assertUnauthorized(socket.next(WAIT));
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1008);
        }
        // A stale or forged session cookie: the browser cannot read a refused handshake, so it gets the event.
        try (ChatSocketClient socket = ChatSocketClient.connect(
                port, Map.of("Cookie", "datamind_access=not.a.jwt", "Origin", "http://127.0.0.1:" + port))) {
            assertUnauthorized(socket.next(WAIT));
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1008);
        }
    }

    @Test
    void aForeignOriginIsRefusedAtTheHandshakeEvenWithAValidCookie() {
        HttpApi.Browser browser = StreamFixtures.signIn(api, owner);
        Map<String, String> headers = new HashMap<>(StreamFixtures.browserHeaders(browser, port));
        headers.put("Origin", "https://evil.example");
        assertThatThrownBy(() -> ChatSocketClient.connect(port, headers))
                .isInstanceOfSatisfying(
                        ChatSocketClient.HandshakeRefused.class,
                        refused -> assertThat(refused.status()).isEqualTo(403));
        // The same host on another port is another origin.
        headers.put("Origin", "http://127.0.0.1:" + (port + 1));
        assertThatThrownBy(() -> ChatSocketClient.connect(port, headers))
                .isInstanceOf(ChatSocketClient.HandshakeRefused.class);
    }

    @Test
    void everyQuestionChecksTheTokenAgainSoLoggingOutStopsTheSocket() {
        HttpApi.Browser browser = StreamFixtures.signIn(api, owner);
        try (ChatSocketClient socket = ChatSocketClient.connect(port, StreamFixtures.browserHeaders(browser, port))) {
            socket.send(ask("before", connection, "How many customers are there?"));
            assertThat(last(socket.answerTo("before", WAIT)).get("type").asString())
                    .isEqualTo("chat_response");

            assertThat(browser.request("POST", "/api/v1/auth/logout")
                            .withCsrf()
                            .send()
                            .status())
                    .isEqualTo(204);
            socket.send(ask("after", connection, "How many customers are there?"));
            JsonNode error = last(socket.answerTo("after", WAIT));
            assertThat(error.get("type").asString()).isEqualTo("error");
            assertThat(error.get("problem").get("status").asInt()).isEqualTo(401);
        }
    }

    @Test
    void aViewerMayNotAskAndAnotherOrganizationsConnectionIsNotFound() {
        TestAccounts.Account viewer = TestAccounts.addMember(api, token, owner.orgId(), "viewer");
        try (ChatSocketClient socket =
                authenticated(TestAccounts.token(api, viewer).accessToken())) {
            socket.send(ask("v", connection, "How many orders?"));
            JsonNode error = last(socket.answerTo("v", WAIT));
            assertThat(error.get("problem").get("status").asInt()).isEqualTo(403);
        }

        TestAccounts.Account stranger = TestAccounts.registerOwner(api);
        try (ChatSocketClient socket =
                authenticated(TestAccounts.token(api, stranger).accessToken())) {
            socket.send(ask("foreign", connection, "How many orders?"));
            List<JsonNode> events = socket.answerTo("foreign", WAIT);
            assertThat(events).hasSize(1);
            JsonNode problem = events.get(0).get("problem");
            assertThat(events.get(0).get("type").asString()).isEqualTo("error");
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("title").asString()).isEqualTo("Not found");
            assertThat(problem.get("detail").asString()).isEqualTo("Connection not found");
            assertThat(problem.get("instance").asString()).isEqualTo("/ws");
            assertThat(problem.get("requestId").asString()).isNotBlank();
        }
    }

    @Test
    void badMessagesGetProblemsAndTheSocketStaysUsable() {
        try (ChatSocketClient socket = authenticated(token)) {
            socket.sendText("not json");
            assertThat(socket.next(WAIT).get("problem").get("status").asInt()).isEqualTo(400);

            socket.send(Map.of("type", "shout", "requestId", "x"));
            JsonNode unknown = socket.next(WAIT);
            assertThat(unknown.get("requestId").asString()).isEqualTo("x");
            assertThat(unknown.get("problem").get("errors").get(0).get("field").asString())
                    .isEqualTo("type");

            socket.send(Map.of("type", "ask", "requestId", "no-connection", "question", "How many orders?"));
            JsonNode missing = socket.next(WAIT);
            assertThat(missing.get("requestId").asString()).isEqualTo("no-connection");
            assertThat(missing.get("problem").get("errors").get(0).get("field").asString())
                    .isEqualTo("connectionId");

            socket.send(ask("blank", connection, "   "));
            JsonNode blank = last(socket.answerTo("blank", WAIT));
            assertThat(blank.get("problem").get("status").asInt()).isEqualTo(400);
            assertThat(blank.get("problem").get("errors").get(0).get("field").asString())
                    .isEqualTo("question");

            socket.send(Map.of(
                    "type",
                    "ask",
                    "requestId",
                    "bad-session",
                    "connectionId",
                    connection,
                    "question",
                    "How many orders?",
                    "sessionId",
                    UUID.randomUUID().toString()));
            assertThat(last(socket.answerTo("bad-session", WAIT))
                            .get("problem")
                            .get("status")
                            .asInt())
                    .isEqualTo(404);

            // A cancel for a question that is not running changes nothing.
            socket.send(Map.of("type", "cancel", "requestId", "never-asked"));
            socket.send(ask("still-works", connection, "How many customers are there?"));
            assertThat(last(socket.answerTo("still-works", WAIT)).get("status").asString())
                    .isEqualTo("answered");
        }
    }

    private ChatSocketClient authenticated(String accessToken) {
        return ChatSocketClient.connect(port, Map.of("Authorization", "Bearer " + accessToken));
    }

    private static void assertUnauthorized(JsonNode event) {
        assertThat(event.get("type").asString()).isEqualTo("error");
        assertThat(event.get("requestId").isNull()).isTrue();
        assertThat(event.get("problem").get("status").asInt()).isEqualTo(401);
        assertThat(event.get("problem").get("title").asString()).isEqualTo("Unauthorized");
    }

    private static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    /** True once the given number of chat_response events went by. */
    private static final class CountFinals implements java.util.function.Predicate<JsonNode> {
        private final int expected;
        private int seen;

        CountFinals(int expected) {
            this.expected = expected;
        }

        @Override
        public boolean test(JsonNode event) {
            if (event.get("type").asString().equals("chat_response")) {
                seen++;
            }
            return seen == expected;
        }
    }
}
