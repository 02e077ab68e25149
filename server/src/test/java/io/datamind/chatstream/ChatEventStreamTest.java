package io.datamind.chatstream;

import static io.datamind.chatstream.StreamFixtures.STAGES;
import static io.datamind.chatstream.StreamFixtures.startedAndDone;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.SseClient;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The same stream as server-sent events, with the default offline engine on the Sample Sales database. */
@IntegrationTest
class ChatEventStreamTest {

    private static final String PATH = "/api/v1/chat/messages/stream";

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
    void streamsStagesTokensResultAndTheAnswerAsNamedEvents() {
        List<SseClient.Event> events;
        try (SseClient stream = SseClient.post(
                port,
                PATH,
                Map.of("Authorization", "Bearer " + token),
                Map.of("connectionId", connection, "question", "How many orders by status?", "requestId", "sse-1"))) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.contentType()).startsWith("text/event-stream");
            events = stream.all();
        }
        List<JsonNode> data = new ArrayList<>();
        for (SseClient.Event event : events) {
            assertThat(event.name()).isEqualTo(event.data().get("type").asString());
            assertThat(event.data().get("requestId").asString()).isEqualTo("sse-1");
            data.add(event.data());
        }
        assertThat(StreamFixtures.stages(data)).containsExactlyElementsOf(startedAndDone(STAGES));
        assertThat(StreamFixtures.indexOf(data, "result", null))
                .isGreaterThan(StreamFixtures.indexOf(data, "stage", "execute:done"))
                .isLessThan(StreamFixtures.indexOf(data, "stage", "chart:started"));
        assertThat(StreamFixtures.indexOf(data, "token", null))
                .isLessThan(StreamFixtures.indexOf(data, "result", null));
        JsonNode answer = data.get(data.size() - 1);
        assertThat(events.get(events.size() - 1).name()).isEqualTo("chat_response");
        assertThat(answer.get("status").asString()).isEqualTo("answered");
        assertThat(StreamFixtures.text(data, "analysis"))
                .isEqualTo(answer.get("analysis").asString());

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

    @Test
    void withoutARequestIdTheEventsCarryTheHttpRequestId() {
        try (SseClient stream = SseClient.post(
                port,
                PATH,
                Map.of("Authorization", "Bearer " + token, "X-Request-ID", "my-trace-42"),
                Map.of("connectionId", connection, "question", "How many customers are there?"))) {
            List<SseClient.Event> events = stream.all();
            assertThat(events)
                    .allSatisfy(event ->
                            assertThat(event.data().get("requestId").asString()).isEqualTo("my-trace-42"));
            assertThat(events.get(events.size() - 1)
                            .data()
                            .get("rows")
                            .get(0)
                            .get(0)
                            .asLong())
                    .isEqualTo(16_000);
        }
    }

    @Test
    void badInputOtherOrganizationsAndViewersGetPlainProblemsBeforeAnyStream() {
        TestAccounts.Account stranger = TestAccounts.registerOwner(api);
        String strangerToken = TestAccounts.token(api, stranger).accessToken();
        assertProblem(
                post(strangerToken, Map.of("connectionId", connection, "question", "How many orders?")),
                404,
                "Connection not found");
        assertProblem(post(token, Map.of("connectionId", connection)), 400, "question");
        assertProblem(post(token, Map.of("question", "How many orders?")), 400, "connectionId");
        assertProblem(post(token, Map.of("connectionId", "nope", "question", "How many orders?")), 400, "connectionId");
        assertProblem(
                post(token, Map.of("connectionId", UUID.randomUUID().toString(), "question", "How many orders?")),
                404,
                "Connection not found");

        TestAccounts.Account viewer = TestAccounts.addMember(api, token, owner.orgId(), "viewer");
        assertProblem(
                post(
                        TestAccounts.token(api, viewer).accessToken(),
                        Map.of("connectionId", connection, "question", "How many orders?")),
                403,
                "role");
        try (SseClient anonymous = SseClient.post(
                port, PATH, Map.of(), Map.of("connectionId", connection, "question", "How many orders?"))) {
            assertThat(anonymous.status()).isEqualTo(401);
        }
    }

    @Test
    void anUnknownSessionEndsTheStreamWithAnErrorEvent() {
        try (SseClient stream = SseClient.post(
                port,
                PATH,
                Map.of("Authorization", "Bearer " + token),
                Map.of(
                        "connectionId",
                        connection,
                        "question",
                        "How many orders?",
                        "sessionId",
                        UUID.randomUUID().toString()))) {
            List<SseClient.Event> events = stream.all();
            assertThat(events).hasSize(1);
            assertThat(events.get(0).name()).isEqualTo("error");
            JsonNode problem = events.get(0).data().get("problem");
            assertThat(problem.get("status").asInt()).isEqualTo(404);
            assertThat(problem.get("detail").asString()).isEqualTo("Chat session not found");
            assertThat(problem.get("instance").asString()).isEqualTo(PATH);
        }
    }

    private SseClient post(String accessToken, Map<String, ?> body) {
        return SseClient.post(port, PATH, Map.of("Authorization", "Bearer " + accessToken), body);
    }

    private static void assertProblem(SseClient response, int status, String detailPart) {
        try (response) {
            assertThat(response.status()).isEqualTo(status);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.bodyText()).contains(detailPart);
        }
    }
}
