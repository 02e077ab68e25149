package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.auth.Caller;
import io.datamind.llm.CancellationToken;
import io.datamind.org.Role;
import io.datamind.support.AnthropicWire;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * {@code datamind.llm.question-deadline}: a question that outlasts it ends as failed with a message saying so, and
 * whatever it was waiting for (the model, the database) is stopped. The per-call limits stay at their defaults (60 s
 * for the first token), so only the deadline can end these questions in time.
 */
@IntegrationTest
class AskDeadlineTest {

    static final FakeLlmServer anthropic = FakeLlmServer.start();
    static final String DEADLINE_MESSAGE = "The question took longer than 15 s, the longest DataMind lets one run, and"
            + " was stopped; try again, or ask a simpler question.";
    static String database;
    static boolean warm;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("datamind.llm.provider", () -> "anthropic");
        registry.add("datamind.llm.anthropic.base-url", anthropic::baseUrl);
        registry.add("datamind.llm.anthropic.api-key", () -> "sk-ant-test-key");
        registry.add("datamind.llm.question-deadline", () -> "15s");
    }

    @BeforeAll
    static void artists() {
        database = ChatFixtures.artistsDatabase();
    }

    @AfterAll
    static void stop() {
        anthropic.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AskService asks;

    HttpApi api;
    TestAccounts.Account owner;
    String token;
    String connection;

    @BeforeEach
    void setUp() {
        anthropic.reset();
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        connection = ChatFixtures.postgresConnection(api, token, database);
        // The first question of a JVM loads the provider SDK and more, seconds on a busy machine: not what the
        // deadline is meant to catch here.
        for (int attempt = 0; !warm && attempt < 3; attempt++) {
            anthropic.reset();
            anthropic.enqueue(
                    Reply.sse(AnthropicWire.answer(
                            10, 5, "<reasoning>Count.</reasoning>\n<sql>\nSELECT count(*) AS n FROM artists\n</sql>")),
                    Reply.sse(AnthropicWire.answer(10, 5, "Three artists.")));
            warm = ChatFixtures.ask(api, token, connection, "How many artists?", null)
                    .json()
                    .get("status")
                    .asString()
                    .equals("answered");
        }
        if (warm) {
            anthropic.reset();
        }
    }

    @Test
    void aModelThatNeverAnswersEndsTheQuestionAtItsDeadline() {
        // Takes the request and never sends as much as a status line.
        anthropic.enqueue((exchange, server) -> server.sleep(Duration.ofMinutes(10)));
        long usedBefore = used();
        long started = System.nanoTime();

        HttpApi.Response response = ChatFixtures.ask(api, token, connection, "How many artists are there?", null);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode answer = response.json();
        assertThat(answer.get("status").asString()).isEqualTo("failed");
        assertThat(answer.get("message").asString()).isEqualTo(DEADLINE_MESSAGE);
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("ended by the 15 s deadline, not the 60 s first-token timeout")
                .isLessThan(Duration.ofSeconds(55));
        assertThat(anthropic.requestCount()).as("no retry after the deadline").isEqualTo(1);
        assertThat(used()).as("the provider never took the request").isEqualTo(usedBefore);
    }

    private long used() {
        return api.request("GET", "/api/v1/org/budget")
                .bearer(token)
                .send()
                .json()
                .get("used")
                .asLong();
    }

    @Test
    void theDeadlineClosesAModelStreamThatSendsNothingButPings() throws Exception {
        anthropic.enqueue(
                Reply.sse(List.of(AnthropicWire.ping())).thenStall(AnthropicWire.ping(), Duration.ofMillis(200)));

        HttpApi.Response response = ChatFixtures.ask(api, token, connection, "How many artists are there?", null);

        assertThat(response.json().get("message").asString()).isEqualTo(DEADLINE_MESSAGE);
        assertThat(anthropic.awaitClientGone(Duration.ofSeconds(10)))
                .as("the connection to the model is closed")
                .isTrue();
    }

    @Test
    void theDeadlineStopsTheQueryInPostgres() throws Exception {
        StringBuilder heavy = new StringBuilder("SELECT count(*) AS n FROM artists a0");
        for (int i = 1; i < 20; i++) {
            heavy.append(" CROSS JOIN artists a").append(i);
        }
        anthropic.enqueue(Reply.sse(AnthropicWire.answer(
                100, 10, "<reasoning>Count them all.</reasoning>\n", "<sql>\n", heavy.toString(), "\n</sql>\n")));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ChatAnswer> asked = pool.submit(() -> asks.ask(
                    new Caller(owner.userId(), owner.orgId(), Role.OWNER),
                    new AskCommand(UUID.fromString(connection), "Count all combinations", null, "deadline-query"),
                    AskListener.NONE,
                    new CancellationToken()));
            assertThat(ChatFixtures.awaitQuery(database, "CROSS JOIN artists a19", true, Duration.ofSeconds(30)))
                    .as("query running in PostgreSQL")
                    .isTrue();

            ChatAnswer answer = asked.get(60, TimeUnit.SECONDS);

            assertThat(answer.status()).isEqualTo("failed");
            assertThat(answer.message()).isEqualTo(DEADLINE_MESSAGE);
            assertThat(ChatFixtures.awaitQuery(database, "CROSS JOIN artists a19", false, Duration.ofSeconds(10)))
                    .as("gone from pg_stat_activity")
                    .isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
