package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.budget.TokenBudgets;
import io.datamind.support.ChinookLoader;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.OpenAiWire;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline with an OpenAI-compatible server as the instance's provider: the real Spring AI client against a fake
 * Chat Completions API streaming the real wire format with usage, on Chinook in the real PostgreSQL. Nothing in this
 * context is a test double: the budget is the stored one in the application database.
 */
@IntegrationTest
class AskOpenAiTest {

    static final FakeLlmServer openai = FakeLlmServer.start();
    static String database;

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("datamind.llm.provider", () -> "openai");
        registry.add("datamind.llm.openai.base-url", openai::baseUrl);
        registry.add("datamind.llm.openai.api-key", () -> "sk-openai-test-key");
        registry.add("datamind.llm.openai.model", () -> "gpt-4.1-mini");
        registry.add("datamind.llm.max-attempts", () -> "1");
        registry.add("datamind.llm.circuit-breaker.minimum-number-of-calls", () -> "1000");
        registry.add("datamind.llm.circuit-breaker.sliding-window-size", () -> "1000");
    }

    @BeforeAll
    static void chinook() throws Exception {
        database = TestServices.createPostgresDatabase("chinook_ask");
        ChinookLoader.loadPostgres(database);
    }

    @AfterAll
    static void stop() {
        openai.close();
    }

    @LocalServerPort
    int port;

    HttpApi api;
    TestAccounts.Account owner;
    String token;
    String connection;

    @BeforeEach
    void setUp() {
        openai.reset();
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        connection = ChatFixtures.postgresConnection(api, token, database);
    }

    static Reply answer(int prompt, int completion, String text) {
        List<String> tokens = new ArrayList<>();
        for (String piece : text.split("(?<=[ \\n])")) {
            tokens.add(piece);
        }
        return Reply.sse(OpenAiWire.answer(prompt, completion, tokens.toArray(String[]::new)));
    }

    @Test
    void answersFromFencedSqlAndCarriesTheFirstTurnIntoTheFollowUp() {
        // Many OpenAI-compatible models ignore the tags and answer with prose and a fenced block.
        openai.enqueue(
                answer(
                        700,
                        50,
                        "Counting tracks per genre.\n\n```sql\nSELECT g.name AS genre, COUNT(*) AS tracks FROM track t"
                                + " JOIN genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY tracks DESC"
                                + " LIMIT 5;\n```\n"),
                answer(
                        300,
                        40,
                        "Rock dominates with 1297 tracks.\n<follow_ups>\n1. Which artists have the most rock"
                                + " tracks?\n2. How long is the average track per genre?\n</follow_ups>"));
        HttpApi.Response first = ChatFixtures.ask(api, token, connection, "Top 5 genres by number of tracks", null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        JsonNode answer = first.json();
        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("answered");
        assertThat(answer.get("provider").asString()).isEqualTo("openai");
        assertThat(answer.get("model").asString()).isEqualTo(OpenAiWire.MODEL);
        assertThat(answer.get("reasoning").asString()).isEqualTo("Counting tracks per genre.");
        assertThat(answer.get("rows").get(0).get(0).asString()).isEqualTo("Rock");
        assertThat(answer.get("rows").get(0).get(1).asLong()).isEqualTo(1297);
        assertThat(answer.get("chart").get("type").asString())
                .as("\"Alternative & Punk\" is a long label")
                .isEqualTo("horizontal_bar");
        assertThat(answer.get("analysis").asString()).isEqualTo("Rock dominates with 1297 tracks.");
        assertThat(answer.get("followUps").get(0).asString()).isEqualTo("Which artists have the most rock tracks?");
        assertThat(answer.get("tokens").get("sqlGeneration").get("input").asLong())
                .isEqualTo(700);
        assertThat(answer.get("tokens").get("analysis").get("output").asLong()).isEqualTo(40);
        assertThat(budget().get("used").asLong())
                .as("both phases, as the provider reported")
                .isEqualTo(1090);

        JsonNode request = openai.requests().get(0).json();
        assertThat(openai.requests().get(0).path()).endsWith("/chat/completions");
        assertThat(request.get("model").asString()).isEqualTo("gpt-4.1-mini");
        assertThat(request.get("stream").asBoolean()).isTrue();
        assertThat(request.get("messages").get(0).get("role").asString()).isEqualTo("system");

        openai.enqueue(
                answer(
                        800,
                        60,
                        "SELECT g.name AS genre, COUNT(*) AS tracks FROM track t JOIN genre g ON g.genre_id ="
                                + " t.genre_id WHERE g.name <> 'Rock' GROUP BY g.name ORDER BY tracks DESC LIMIT 5"),
                answer(200, 20, "Latin leads once rock is left out."));
        HttpApi.Response second = ChatFixtures.ask(
                api, token, connection, "without Rock", answer.get("sessionId").asString());
        assertThat(second.json().get("status").asString()).as(second.toString()).isEqualTo("answered");
        assertThat(second.json().get("rows").get(0).get(0).asString()).isEqualTo("Latin");
        JsonNode messages = openai.requests().get(2).json().get("messages");
        assertThat(messages.get(1).get("role").asString()).isEqualTo("user");
        assertThat(messages.get(1).get("content").asString()).isEqualTo("Top 5 genres by number of tracks");
        assertThat(messages.get(2).get("role").asString()).isEqualTo("assistant");
        assertThat(messages.get(2).get("content").asString()).contains("GROUP BY g.name", "5 rows", "Rock");
        assertThat(messages.get(3).get("content").asString()).isEqualTo("without Rock");
        assertThat(second.json().get("followUps").size())
                .as("no follow-ups from the model: ones built from the tables")
                .isPositive();
        assertThat(budget().get("used").asLong()).isEqualTo(1090 + 1080);

        // Once the organization's budget is used up, no request reaches the provider.
        HttpApi.Response lowered = api.request("PUT", "/api/v1/org/budget")
                .bearer(token)
                .json(Map.of("monthlyTokenBudget", 2000))
                .send();
        assertThat(lowered.status()).as(lowered.toString()).isEqualTo(200);
        int requests = openai.requestCount();
        JsonNode declined = ChatFixtures.ask(api, token, connection, "Top 3 artists by albums", null)
                .json();
        assertThat(declined.get("status").asString()).isEqualTo("declined");
        assertThat(declined.get("message").asString()).isEqualTo(TokenBudgets.EXCEEDED_MESSAGE);
        assertThat(openai.requestCount()).isEqualTo(requests);
    }

    @Test
    void concurrentQuestionsNeverLoseAUsageIncrement() throws Exception {
        int questions = 20;
        // Every call reports different usage, so a lost increment cannot hide behind an equal one. The replies are
        // taken in arrival order by whichever call comes next, so each one serves as SQL and as analysis alike.
        long reported = 0;
        for (int call = 0; call < 2 * questions; call++) {
            int prompt = 500 + call;
            int completion = 10 + 3 * call;
            reported += prompt + completion;
            openai.enqueue(answer(
                    prompt,
                    completion,
                    "Counting the genres.\n\n```sql\nSELECT g.name AS genre, COUNT(*) AS tracks FROM track t JOIN"
                            + " genre g ON g.genre_id = t.genre_id GROUP BY g.name ORDER BY tracks DESC\n```\n"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(questions);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<HttpApi.Response>> asked = new ArrayList<>();
            for (int i = 0; i < questions; i++) {
                String question = "Tracks per genre, take " + i;
                asked.add(pool.submit(() -> {
                    start.await();
                    return ChatFixtures.ask(api, token, connection, question, null);
                }));
            }
            start.countDown();
            long charged = 0;
            for (Future<HttpApi.Response> future : asked) {
                HttpApi.Response response = future.get(120, TimeUnit.SECONDS);
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                JsonNode answer = response.json();
                assertThat(answer.get("status").asString())
                        .as(answer.toString())
                        .isEqualTo("answered");
                JsonNode tokens = answer.get("tokens");
                for (String phase : List.of("sqlGeneration", "analysis")) {
                    assertThat(tokens.get(phase).get("input").asLong())
                            .as(phase)
                            .isPositive();
                    charged += tokens.get(phase).get("input").asLong()
                            + tokens.get(phase).get("output").asLong();
                }
            }
            assertThat(openai.requestCount()).as("two calls per question").isEqualTo(2 * questions);
            assertThat(charged).as("the answers' own counts").isEqualTo(reported);
            assertThat(budget().get("used").asLong())
                    .as("every increment of %d concurrent calls", 2 * questions)
                    .isEqualTo(reported);
        } finally {
            pool.shutdownNow();
        }
    }

    private JsonNode budget() {
        return api.request("GET", "/api/v1/org/budget").bearer(token).send().json();
    }

    @Test
    void aServerErrorFailsTheQuestionWithAMessage() {
        openai.enqueue(Reply.json(500, OpenAiWire.errorBody("server_error", null, "The server had an error")));
        HttpApi.Response response = ChatFixtures.ask(api, token, connection, "Top 5 genres", null);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("failed");
        assertThat(response.json().get("message").asString()).isNotBlank();
        assertThat(budget().get("used").asLong()).isZero();
    }

    @Test
    void aStreamCutOffWithoutUsageIsChargedAnEstimate() {
        // Usage comes only in the final chunk, which never arrives: both halves are estimated.
        openai.enqueue(Reply.sse(OpenAiWire.opening("Counting ", "the tracks ", "per genre."))
                .thenAbort());
        HttpApi.Response response = ChatFixtures.ask(api, token, connection, "Top 5 genres", null);
        assertThat(response.json().get("status").asString()).isEqualTo("failed");

        long promptCharacters = 0;
        for (JsonNode message : openai.requests().get(0).json().get("messages")) {
            promptCharacters += message.get("content").asString().length();
        }
        long input = (promptCharacters + 3) / 4;
        long output = AskAnthropicTest.estimatedTokens("Counting the tracks per genre.");
        assertThat(budget().get("used").asLong()).isEqualTo(input + output);
        JsonNode tokens = response.json().get("tokens").get("sqlGeneration");
        assertThat(tokens.get("input").asLong()).isEqualTo(input);
        assertThat(tokens.get("output").asLong()).isEqualTo(output);
    }
}
