package io.datamind.chatstream;

import static io.datamind.chatstream.StreamFixtures.STAGES;
import static io.datamind.chatstream.StreamFixtures.ask;
import static io.datamind.chatstream.StreamFixtures.eventually;
import static io.datamind.chatstream.StreamFixtures.indexOf;
import static io.datamind.chatstream.StreamFixtures.stages;
import static io.datamind.chatstream.StreamFixtures.startedAndDone;
import static io.datamind.chatstream.StreamFixtures.text;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import io.datamind.support.AnthropicWire;
import io.datamind.support.ChatSocketClient;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.SseClient;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Both streams with Anthropic as the instance's provider: the real Spring AI client reads a fake Messages API that
 * streams the real wire format. Tokens reach the client in order and within their stage; cancelling, or a client
 * that leaves, stops the model's stream and the query in PostgreSQL.
 */
@IntegrationTest
class ChatStreamModelTest {

    static final FakeLlmServer anthropic = FakeLlmServer.start();
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SQL_TOKENS = List.of(
            "<reasoning>Count the ",
            "customers.</reasoning>\n",
            "<sql>\nSELECT count(*) AS customers ",
            "FROM customers\n</sql>\n",
            "<chart>kpi</chart>");
    private static final List<String> ANALYSIS_TOKENS =
            List.of("There are ", "16,000 customers", " in total.", "\n<follow_ups>\nHow many orders?\n</follow_ups>");

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("datamind.llm.provider", () -> "anthropic");
        registry.add("datamind.llm.anthropic.base-url", anthropic::baseUrl);
        registry.add("datamind.llm.anthropic.api-key", () -> "sk-ant-test-key");
        // Cancelled streams are not the provider's failures, but keep the breaker out of the way all the same.
        registry.add("datamind.llm.circuit-breaker.minimum-number-of-calls", () -> "1000");
        registry.add("datamind.chat.stream.sse-heartbeat", () -> "200ms");
        registry.add("datamind.chat.stream.auth-timeout", () -> "1s");
        registry.add("datamind.chat.stream.max-asks-per-socket", () -> "2");
    }

    @AfterAll
    static void stop() {
        anthropic.close();
    }

    @LocalServerPort
    int port;

    HttpApi api;
    String token;
    String connection;

    @BeforeEach
    void setUp() {
        anthropic.reset();
        api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        connection = TestConnections.sampleConnection(api, token);
    }

    @Test
    void theSocketRelaysTheModelsTokensWithinTheirStagesThenTheResultAndTheAnswer() {
        enqueueAnswer();
        try (ChatSocketClient socket = authenticated()) {
            socket.send(ask("m-1", connection, "How many customers do we have?"));
            List<JsonNode> events = socket.answerTo("m-1", WAIT);
            assertModelStream(events);
        }
    }

    @Test
    void serverSentEventsRelayTheSameStream() {
        enqueueAnswer();
        List<JsonNode> events = new ArrayList<>();
        try (SseClient stream = SseClient.post(
                port,
                "/api/v1/chat/messages/stream",
                Map.of("Authorization", "Bearer " + token),
                Map.of("connectionId", connection, "question", "How many customers do we have?", "requestId", "m-1"))) {
            for (SseClient.Event event : stream.all()) {
                assertThat(event.name()).isEqualTo(event.data().get("type").asString());
                events.add(event.data());
            }
        }
        assertModelStream(events);
    }

    @Test
    void cancelStopsTheModelsStream() throws Exception {
        Watched stalled = stalledSqlAnswer();
        anthropic.enqueue(stalled);
        try (ChatSocketClient socket = authenticated()) {
            socket.send(ask("c-1", connection, "How many customers do we have?"));
            socket.until(event -> event.get("type").asString().equals("token"), WAIT);
            socket.send(Map.of("type", "cancel", "requestId", "c-1"));

            assertThat(stalled.awaitClientGone(WAIT))
                    .as("the model's connection was closed")
                    .isTrue();
            JsonNode answer = last(socket.answerTo("c-1", WAIT));
            assertThat(answer.get("type").asString()).isEqualTo("chat_response");
            assertThat(answer.get("status").asString()).isEqualTo("failed");
            assertThat(answer.get("message").asString()).isEqualTo("The question was cancelled.");
        }
        assertThat(anthropic.requestCount()).as("no analysis was asked for").isEqualTo(1);
    }

    @Test
    void cancelStopsTheQueryInTheDatabase() throws Exception {
        StreamFixtures.Postgres postgres = StreamFixtures.postgresWithNumbers(api, token);
        anthropic.enqueue(Reply.sse(AnthropicWire.answer(
                300,
                40,
                "<reasoning>All combinations.</reasoning>\n<sql>\n" + StreamFixtures.ENDLESS_QUERY + "\n</sql>")));
        try (ChatSocketClient socket = authenticated()) {
            socket.send(ask("db-1", postgres.connection(), "How many combinations of three numbers are there?"));
            assertThat(eventually(20_000, () -> StreamFixtures.runningOnPostgres(postgres.database()) == 1))
                    .as(() -> "the query is running in PostgreSQL; events: " + socket.drain())
                    .isTrue();

            socket.send(Map.of("type", "cancel", "requestId", "db-1"));
            // The runner's own time limit is 30 s; the cancel stops the query long before.
            assertThat(eventually(10_000, () -> StreamFixtures.runningOnPostgres(postgres.database()) == 0))
                    .as("the query no longer runs in PostgreSQL")
                    .isTrue();
            JsonNode answer = last(socket.answerTo("db-1", WAIT));
            assertThat(answer.get("status").asString()).isEqualTo("failed");
            assertThat(answer.get("message").asString()).isEqualTo("The question was cancelled.");
            assertThat(answer.get("attempts").asInt())
                    .as("a cancelled query is not repaired")
                    .isEqualTo(1);
        }
    }

    @Test
    void anEventStreamClientThatLeavesCancelsTheQuery() throws Exception {
        StreamFixtures.Postgres postgres = StreamFixtures.postgresWithNumbers(api, token);
        anthropic.enqueue(Reply.sse(AnthropicWire.answer(
                300,
                40,
                "<reasoning>All combinations.</reasoning>\n<sql>\n" + StreamFixtures.ENDLESS_QUERY + "\n</sql>")));
        SseClient stream = SseClient.post(
                port,
                "/api/v1/chat/messages/stream",
                Map.of("Authorization", "Bearer " + token),
                Map.of(
                        "connectionId",
                        postgres.connection(),
                        "question",
                        "How many combinations of three numbers are there?"));
        try (stream) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(eventually(20_000, () -> StreamFixtures.runningOnPostgres(postgres.database()) == 1))
                    .isTrue();
        }
        assertThat(eventually(10_000, () -> StreamFixtures.runningOnPostgres(postgres.database()) == 0))
                .as("closing the event stream stopped the query")
                .isTrue();
    }

    @Test
    void anEventStreamClientThatLeavesStopsTheModelsStream() throws Exception {
        Watched stalled = stalledSqlAnswer();
        anthropic.enqueue(stalled);
        try (SseClient stream = SseClient.post(
                port,
                "/api/v1/chat/messages/stream",
                Map.of("Authorization", "Bearer " + token),
                Map.of("connectionId", connection, "question", "How many customers do we have?"))) {
            SseClient.Event event = stream.next();
            while (!event.name().equals("token")) {
                event = stream.next();
            }
        }
        assertThat(stalled.awaitClientGone(WAIT))
                .as("the model's connection was closed")
                .isTrue();
    }

    @Test
    void aRequestIdRunsOnceAtATimeAndASocketHasALimit() throws Exception {
        Watched first = stalledSqlAnswer();
        Watched second = stalledSqlAnswer();
        anthropic.enqueue(first, second);
        try (ChatSocketClient socket = authenticated()) {
            socket.send(ask("one", connection, "How many customers do we have?"));
            socket.until(event -> event.get("type").asString().equals("token"), WAIT);
            socket.send(ask("one", connection, "How many customers do we have?"));
            JsonNode duplicate = socket
                    .until(event -> event.get("type").asString().equals("error"), WAIT)
                    .stream()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(duplicate.get("requestId").asString()).isEqualTo("one");
            assertThat(duplicate.get("problem").get("status").asInt()).isEqualTo(409);

            socket.send(ask("two", connection, "How many customers do we have?"));
            socket.until(
                    event -> event.get("type").asString().equals("token")
                            && event.get("requestId").asString().equals("two"),
                    WAIT);
            socket.send(ask("three", connection, "How many customers do we have?"));
            JsonNode tooMany = socket
                    .until(event -> event.get("type").asString().equals("error"), WAIT)
                    .stream()
                    .reduce((a, b) -> b)
                    .orElseThrow();
            assertThat(tooMany.get("requestId").asString()).isEqualTo("three");
            assertThat(tooMany.get("problem").get("status").asInt()).isEqualTo(429);
        }
        // Closing the socket cancels what it had in flight.
        assertThat(first.awaitClientGone(WAIT)).isTrue();
        assertThat(second.awaitClientGone(WAIT)).isTrue();
    }

    @Test
    void aSocketThatNeverAuthenticatesIsClosed() {
        try (ChatSocketClient socket = ChatSocketClient.connect(port, Map.of())) {
            JsonNode error = socket.next(WAIT);
            assertThat(error.get("type").asString()).isEqualTo("error");
            assertThat(error.get("problem").get("status").asInt()).isEqualTo(401);
            assertThat(error.get("problem").get("detail").asString()).contains("auth");
            assertThat(socket.awaitClose(WAIT)).isEqualTo(1008);
        }
    }

    private void assertModelStream(List<JsonNode> events) {
        assertThat(events)
                .allSatisfy(
                        event -> assertThat(event.get("requestId").asString()).isEqualTo("m-1"));
        assertThat(stages(events)).containsExactlyElementsOf(startedAndDone(STAGES));

        List<Integer> sqlTokens = positions(events, "sql_generation");
        assertThat(sqlTokens).hasSize(SQL_TOKENS.size());
        assertThat(sqlTokens.get(0)).isGreaterThan(indexOf(events, "stage", "generate_sql:started"));
        assertThat(sqlTokens.get(sqlTokens.size() - 1)).isLessThan(indexOf(events, "stage", "generate_sql:done"));
        assertThat(text(events, "sql_generation")).isEqualTo(String.join("", SQL_TOKENS));

        int result = indexOf(events, "result", null);
        assertThat(result)
                .isGreaterThan(indexOf(events, "stage", "execute:done"))
                .isLessThan(indexOf(events, "stage", "chart:started"));
        assertThat(events.get(result).get("rows").get(0).get(0).asLong()).isEqualTo(16_000);

        List<Integer> analysisTokens = positions(events, "analysis");
        assertThat(analysisTokens.get(0)).isGreaterThan(indexOf(events, "stage", "analyze:started"));
        assertThat(analysisTokens.get(analysisTokens.size() - 1)).isLessThan(indexOf(events, "stage", "analyze:done"));
        assertThat(text(events, "analysis"))
                .as("the follow-up block is not streamed")
                .isEqualTo("There are 16,000 customers in total.");

        JsonNode answer = last(events);
        assertThat(answer.get("type").asString()).isEqualTo("chat_response");
        assertThat(answer.get("status").asString()).isEqualTo("answered");
        assertThat(answer.get("provider").asString()).isEqualTo("anthropic");
        assertThat(answer.get("model").asString()).isEqualTo(AnthropicWire.MODEL);
        assertThat(answer.get("sql").asString()).isEqualTo("SELECT count(*) AS customers FROM customers");
        assertThat(answer.get("analysis").asString()).isEqualTo("There are 16,000 customers in total.");
        assertThat(answer.get("followUps").get(0).asString()).isEqualTo("How many orders?");
        assertThat(answer.get("tokens").get("sqlGeneration").get("input").asLong())
                .isEqualTo(310);
        assertThat(answer.get("tokens").get("analysis").get("output").asLong()).isEqualTo(25);
    }

    private static void enqueueAnswer() {
        anthropic.enqueue(
                Reply.sse(AnthropicWire.answer(310, 42, SQL_TOKENS.toArray(String[]::new)))
                        .paced(Duration.ofMillis(20)),
                Reply.sse(AnthropicWire.answer(150, 25, ANALYSIS_TOKENS.toArray(String[]::new)))
                        .paced(Duration.ofMillis(20)));
    }

    /** An SQL answer that sends two tokens, then only pings until the client goes away. */
    private static Watched stalledSqlAnswer() {
        return new Watched(Reply.sse(AnthropicWire.opening(300, "<reasoning>Counting ", "the customers"))
                .thenStall(AnthropicWire.ping(), Duration.ofMillis(100)));
    }

    private static List<Integer> positions(List<JsonNode> events, String phase) {
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (event.get("type").asString().equals("token")
                    && event.get("phase").asString().equals(phase)) {
                positions.add(i);
            }
        }
        return positions;
    }

    private ChatSocketClient authenticated() {
        return ChatSocketClient.connect(port, Map.of("Authorization", "Bearer " + token));
    }

    private static JsonNode last(List<JsonNode> events) {
        return events.get(events.size() - 1);
    }

    /** A reply that notices when the client closed the connection under it. */
    private static final class Watched implements Reply {
        private final Reply reply;
        private final CountDownLatch gone = new CountDownLatch(1);

        Watched(Reply reply) {
            this.reply = reply;
        }

        @Override
        public void serve(HttpExchange exchange, FakeLlmServer server) throws IOException {
            try {
                reply.serve(exchange, server);
            } catch (IOException e) {
                gone.countDown();
                throw e;
            }
        }

        boolean awaitClientGone(Duration within) throws InterruptedException {
            return gone.await(within.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
