package io.datamind.ask;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.auth.Caller;
import io.datamind.budget.TokenBudgets;
import io.datamind.llm.CancellationToken;
import io.datamind.org.Role;
import io.datamind.support.AnthropicWire;
import io.datamind.support.ChinookLoader;
import io.datamind.support.FakeLlmServer;
import io.datamind.support.FakeLlmServer.Reply;
import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestServices;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The pipeline with Anthropic as the instance's provider: the real Spring AI client talks to a fake Messages API that
 * streams the real wire format, usage included, and the questions run on Chinook in the real PostgreSQL.
 */
@IntegrationTest
class AskAnthropicTest {

    static final FakeLlmServer anthropic = FakeLlmServer.start();
    static String database;

    static final String REVENUE_SQL = "SELECT billing_country AS country, SUM(total) AS revenue FROM invoice"
            + " GROUP BY billing_country ORDER BY revenue DESC";
    static final String YEARLY_SQL =
            "SELECT EXTRACT(YEAR FROM invoice_date) AS year, SUM(total) AS revenue FROM invoice GROUP BY 1 ORDER BY 1";

    @DynamicPropertySource
    static void provider(DynamicPropertyRegistry registry) {
        registry.add("datamind.llm.provider", () -> "anthropic");
        registry.add("datamind.llm.anthropic.base-url", anthropic::baseUrl);
        registry.add("datamind.llm.anthropic.api-key", () -> "sk-ant-test-key");
        registry.add("datamind.llm.max-attempts", () -> "2");
        registry.add("datamind.llm.initial-backoff", () -> "10ms");
        registry.add("datamind.llm.stream-idle-timeout", () -> "2s");
        // Failures here are on purpose; the breaker must not stop the tests that follow them.
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
        anthropic.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    AskService asks;

    @Autowired
    JdbcClient jdbc;

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
    }

    static Reply sql(int input, int output, String reasoning, String sql, String chart) {
        return Reply.sse(AnthropicWire.answer(
                input,
                output,
                "<reasoning>" + reasoning + "</reasoning>\n",
                "<sql>\n",
                sql,
                "\n</sql>\n",
                chart == null ? "" : "<chart>" + chart + "</chart>"));
    }

    static Reply analysis(int input, int output, String text, String... followUps) {
        List<String> tokens = new ArrayList<>(List.of(text.split("(?<= )")));
        tokens.add("\n<follow");
        tokens.add("_ups>\n");
        for (String followUp : followUps) {
            tokens.add("- " + followUp + "\n");
        }
        tokens.add("</follow_ups>");
        return Reply.sse(AnthropicWire.answer(input, output, tokens.toArray(String[]::new)));
    }

    @Test
    void answersStreamsAndCarriesTheConversationIntoTheNextPrompt() {
        anthropic.enqueue(
                sql(812, 64, "Revenue is the sum of invoice totals per billing country.", REVENUE_SQL, null),
                analysis(
                        420,
                        55,
                        "The USA brings the most revenue, 523.06, ahead of Canada with 303.96.",
                        "And by year?",
                        "Which customers spend the most?"));
        List<AskEvent> events = new CopyOnWriteArrayList<>();
        Map<String, Long> usedWhenDone = new ConcurrentHashMap<>();
        ChatAnswer first = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "What is the revenue per country?", null, "r-1"),
                event -> {
                    events.add(event);
                    // The stored budget as each phase ends: each provider call is charged as soon as it returns.
                    if (event instanceof AskEvent.Stage stage && stage.state().equals("done")) {
                        usedWhenDone.put(stage.stage(), used());
                    }
                },
                new CancellationToken());

        assertThat(first.status()).as(first.message()).isEqualTo("answered");
        assertThat(first.provider()).isEqualTo("anthropic");
        assertThat(first.model()).isEqualTo(AnthropicWire.MODEL);
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.confidence()).as("models report no confidence").isNull();
        assertThat(first.reasoning()).isEqualTo("Revenue is the sum of invoice totals per billing country.");
        assertThat(first.rowCount()).isEqualTo(24);
        assertThat(first.rows().get(0).get(0)).isEqualTo("USA");
        assertThat(first.rows().get(0).get(1).toString()).isEqualTo("523.06");
        assertThat(first.chart().type()).as("24 bars").isEqualTo("horizontal_bar");
        assertThat(first.chart().x()).isEqualTo("country");
        assertThat(first.chart().y()).containsExactly("revenue");
        assertThat(first.analysis()).isEqualTo("The USA brings the most revenue, 523.06, ahead of Canada with 303.96.");
        assertThat(first.followUps()).containsExactly("And by year?", "Which customers spend the most?");
        assertThat(first.tokens().sqlGeneration()).isEqualTo(new ChatAnswer.Usage(812, 64));
        assertThat(first.tokens().analysis()).isEqualTo(new ChatAnswer.Usage(420, 55));
        assertThat(usedWhenDone.get("examples"))
                .as("nothing charged before the first call")
                .isZero();
        assertThat(usedWhenDone.get("generate_sql"))
                .as("the SQL generation, as the fake server reported it")
                .isEqualTo(812 + 64);
        assertThat(usedWhenDone.get("analyze"))
                .as("plus the analysis, as reported")
                .isEqualTo(812 + 64 + 420 + 55);
        assertThat(used()).isEqualTo(812 + 64 + 420 + 55);

        // Stages in order, the model's tokens as they came, the result before the analysis.
        List<String> order = new ArrayList<>();
        StringBuilder sqlTokens = new StringBuilder();
        StringBuilder analysisTokens = new StringBuilder();
        for (AskEvent event : events) {
            if (event instanceof AskEvent.Stage stage) {
                order.add(stage.stage() + ":" + stage.state());
            } else if (event instanceof AskEvent.Token t && t.phase().equals("sql_generation")) {
                sqlTokens.append(t.content());
            } else if (event instanceof AskEvent.Token t) {
                if (analysisTokens.isEmpty()) {
                    order.add("analysis tokens");
                }
                analysisTokens.append(t.content());
            } else if (event instanceof AskEvent.Result result) {
                order.add("result");
                assertThat(result.rowCount()).isEqualTo(24);
            }
        }
        assertThat(order)
                .containsExactly(
                        "schema:started",
                        "schema:done",
                        "examples:started",
                        "examples:done",
                        "generate_sql:started",
                        "generate_sql:done",
                        "check:started",
                        "check:done",
                        "execute:started",
                        "execute:done",
                        "result",
                        "chart:started",
                        "chart:done",
                        "analyze:started",
                        "analysis tokens",
                        "analyze:done");
        assertThat(sqlTokens.toString()).contains("<sql>", REVENUE_SQL);
        assertThat(analysisTokens.toString()).isEqualTo(first.analysis()).doesNotContain("follow");

        JsonNode prompt = anthropic.requests().get(0).json();
        assertThat(prompt.get("system").toString()).contains("PostgreSQL", "invoice", "billing_country");
        assertThat(prompt.get("stream").asBoolean()).isTrue();
        JsonNode analysisPrompt = anthropic.requests().get(1).json();
        assertThat(analysisPrompt.toString())
                .contains("USA", "523.06")
                .as("a summary, not the whole result")
                .doesNotContain("Sweden | ");

        anthropic.enqueue(
                sql(
                        900,
                        80,
                        "The same revenue, now per year.",
                        "SELECT EXTRACT(YEAR FROM invoice_date) AS year,"
                                + " SUM(total) AS revenue FROM invoice GROUP BY 1 ORDER BY 1",
                        "line"),
                analysis(300, 40, "Revenue stays near 470 a year.", "Which month is strongest?"));
        HttpApi.Response second = ChatFixtures.ask(
                api, token, connection, "and by year?", first.sessionId().toString());
        assertThat(second.status()).as(second.toString()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("answered");
        assertThat(second.json().get("chart").get("type").asString()).isEqualTo("line");
        assertThat(second.json().get("rowCount").asLong()).isEqualTo(5);

        String followUpPrompt = anthropic.requests().get(2).body();
        JsonNode messages = anthropic.requests().get(2).json().get("messages");
        assertThat(messages.size())
                .as("first question, its answer, the follow-up")
                .isEqualTo(3);
        assertThat(messages.get(0).toString()).contains("What is the revenue per country?");
        assertThat(messages.get(1).toString()).contains("billing_country", "24 rows", "USA");
        assertThat(messages.get(2).toString()).contains("and by year?");
        assertThat(followUpPrompt).contains("GROUP BY billing_country");
    }

    @Test
    void aBrokenQueryIsRepairedWithTheDatabaseError() {
        anthropic.enqueue(
                sql(
                        500,
                        20,
                        "Totals per country.",
                        "SELECT billing_country, SUM(invoice_total) FROM invoice" + " GROUP BY billing_country",
                        "bar"),
                sql(600, 30, "Use the total column.", REVENUE_SQL, "bar"),
                analysis(200, 20, "The USA leads.", "And by year?"));
        HttpApi.Response response = ChatFixtures.ask(api, token, connection, "Revenue per country", null);
        JsonNode answer = response.json();
        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("answered");
        assertThat(answer.get("attempts").asInt()).isEqualTo(2);
        assertThat(answer.get("sql").asString()).contains("SUM(total)");
        assertThat(answer.get("timings").has("repair")).isTrue();
        assertThat(answer.get("tokens").get("sqlGeneration").get("input").asLong())
                .isEqualTo(1100);
        String repairPrompt = anthropic.requests().get(1).body();
        assertThat(repairPrompt).contains("invoice_total", "does not exist", "corrected query");
    }

    @Test
    void queriesTheCheckRefusesAreRepairedAtMostTwice() {
        anthropic.enqueue(
                sql(100, 10, "Remove them.", "DELETE FROM invoice", null),
                sql(100, 10, "Still.", "DROP TABLE invoice", null),
                sql(100, 10, "Once more.", "UPDATE invoice SET total = 0", null));
        JsonNode answer = ChatFixtures.ask(api, token, connection, "Clean up the invoices", null)
                .json();
        assertThat(answer.get("status").asString()).isEqualTo("failed");
        assertThat(answer.get("attempts").asInt()).isEqualTo(3);
        assertThat(answer.get("message").asString()).contains("No working query after 3 attempts");
        assertThat(anthropic.requestCount())
                .as("three generations, no analysis")
                .isEqualTo(3);
    }

    @Test
    void providerFailuresEndTheQuestionWithAMessage() {
        String body = AnthropicWire.errorBody("api_error", "Internal server error");
        anthropic.enqueue(Reply.json(500, body), Reply.json(500, body));
        HttpApi.Response failed = ChatFixtures.ask(api, token, connection, "Revenue per country", null);
        assertThat(failed.status()).as(failed.toString()).isEqualTo(200);
        assertThat(failed.json().get("status").asString()).isEqualTo("failed");
        assertThat(failed.json().get("message").asString()).isNotBlank().doesNotContain("Exception");
        assertThat(anthropic.requestCount()).as("one retry").isEqualTo(2);

        anthropic.reset();
        anthropic.enqueue(Reply.sse(AnthropicWire.opening(100, "<reasoning>Thinking"))
                .thenStall(AnthropicWire.ping(), Duration.ofMillis(200)));
        long started = System.nanoTime();
        HttpApi.Response stalled = ChatFixtures.ask(api, token, connection, "Revenue per country", null);
        assertThat(stalled.json().get("status").asString()).isEqualTo("failed");
        assertThat(stalled.json().get("message").asString()).isNotBlank();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void anAnalysisCutOffPartwayKeepsWhatWasStreamedWithANote() {
        anthropic.enqueue(
                sql(500, 20, "Per country.", REVENUE_SQL, null),
                // Two words of the analysis, then the connection drops: no usage, no stop reason.
                Reply.sse(AnthropicWire.opening(300, "The USA ", "brings the most", " revenue, 523.0"))
                        .paced(Duration.ofMillis(30))
                        .thenAbort());
        List<AskEvent> events = new CopyOnWriteArrayList<>();
        ChatAnswer answer = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, "cut-1"),
                events::add,
                new CancellationToken());

        assertThat(answer.status()).as(answer.message()).isEqualTo("answered");
        assertThat(anthropic.requestCount())
                .as("no retry once tokens were shown")
                .isEqualTo(2);
        String streamed = analysisTokens(events);
        assertThat(streamed)
                .as("the partial text, then only the note: no second, model-free analysis")
                .isEqualTo("The USA brings the most revenue, 523.0" + ResultAnalysis.CUT_OFF);
        assertThat(answer.analysis()).as("the answer says what the client saw").isEqualTo(streamed);
        assertThat(answer.followUps()).as("built from the tables").isNotEmpty();
        JsonNode stored = api.request("GET", "/api/v1/chat/sessions/" + answer.sessionId() + "/messages")
                .bearer(token)
                .send()
                .json()
                .get("items")
                .get(0);
        assertThat(stored.get("analysis").asString()).isEqualTo(streamed);

        // Failing before any analysis token reached the client, the model-free analysis stands in, without a note.
        anthropic.reset();
        String overloaded = AnthropicWire.errorBody("api_error", "Internal server error");
        anthropic.enqueue(
                sql(500, 20, "Per country.", REVENUE_SQL, null),
                Reply.json(500, overloaded),
                Reply.json(500, overloaded));
        events.clear();
        ChatAnswer plain = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, "cut-2"),
                events::add,
                new CancellationToken());
        assertThat(plain.status()).isEqualTo("answered");
        assertThat(plain.analysis()).isNotBlank().doesNotContain("cut off").contains("USA");
        assertThat(analysisTokens(events)).isEqualTo(plain.analysis());
    }

    @Test
    void aStreamCutAfterSomeTokensIsChargedWhatTheProviderReportedAndTheStreamedText() {
        anthropic.enqueue(Reply.sse(AnthropicWire.opening(640, "<reasoning>Revenue ", "per country", "</reasoning>"))
                .thenAbort());
        List<AskEvent> events = new CopyOnWriteArrayList<>();

        ChatAnswer answer = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, "charge-cut"),
                events::add,
                new CancellationToken());

        assertThat(answer.status()).isEqualTo("failed");
        long output = estimatedTokens(sqlTokens(events));
        assertThat(output).as("some tokens streamed").isPositive();
        assertThat(answer.tokens().sqlGeneration()).isEqualTo(new ChatAnswer.Usage(640, output));
        assertThat(used())
                .as("the prompt's tokens as message_start reported them, the answer's estimated")
                .isEqualTo(640 + output);
    }

    @Test
    void aServerErrorMidStreamIsChargedWhatWasUsed() {
        List<String> broken = new ArrayList<>(AnthropicWire.opening(410, "<reasoning>Summing ", "the totals"));
        broken.add(AnthropicWire.error("api_error", "Internal server error"));
        anthropic.enqueue(Reply.sse(broken));
        List<AskEvent> events = new CopyOnWriteArrayList<>();

        ChatAnswer answer = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, "charge-5xx"),
                events::add,
                new CancellationToken());

        assertThat(answer.status()).isEqualTo("failed");
        assertThat(anthropic.requestCount())
                .as("no retry once tokens were shown")
                .isEqualTo(1);
        long output = estimatedTokens(sqlTokens(events));
        assertThat(used()).isEqualTo(410 + output);
        assertThat(answer.tokens().sqlGeneration()).isEqualTo(new ChatAnswer.Usage(410, output));
    }

    @Test
    void aCancelledStreamIsChargedWhatStreamedUntilTheCancel() {
        List<String> long_ = new ArrayList<>(AnthropicWire.opening(530, "<reasoning>"));
        for (int i = 0; i < 200; i++) {
            long_.add(AnthropicWire.textDelta("word "));
        }
        anthropic.enqueue(Reply.sse(long_).paced(Duration.ofMillis(30)));
        List<AskEvent> events = new CopyOnWriteArrayList<>();
        CancellationToken cancel = new CancellationToken();

        ChatAnswer answer = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, "charge-cancel"),
                event -> {
                    events.add(event);
                    if (event instanceof AskEvent.Token && sqlTokens(events).length() >= 30) {
                        cancel.cancel();
                    }
                },
                cancel);

        assertThat(answer.status()).isEqualTo("failed");
        assertThat(answer.message()).isEqualTo(AskPipeline.CANCELLED);
        long output = estimatedTokens(sqlTokens(events));
        assertThat(sqlTokens(events).length())
                .as("stopped long before the 200 words")
                .isLessThan(200);
        assertThat(used()).isEqualTo(530 + output);
    }

    /** Four characters a token, rounded up: DataMind's estimate where the provider reported nothing. */
    static long estimatedTokens(String text) {
        return (text.length() + 3) / 4;
    }

    private static String sqlTokens(List<AskEvent> events) {
        StringBuilder text = new StringBuilder();
        for (AskEvent event : events) {
            if (event instanceof AskEvent.Token t && t.phase().equals("sql_generation")) {
                text.append(t.content());
            }
        }
        return text.toString();
    }

    private static String analysisTokens(List<AskEvent> events) {
        StringBuilder text = new StringBuilder();
        for (AskEvent event : events) {
            if (event instanceof AskEvent.Token t && t.phase().equals("analysis")) {
                text.append(t.content());
            }
        }
        return text.toString();
    }

    @Test
    void anExhaustedBudgetDeclinesBeforeAnyStageEvenForAVerifiedQuestion() {
        // A verified example, while there was budget: its exact question needs no SQL generation.
        anthropic.enqueue(
                sql(500, 20, "Per country.", REVENUE_SQL, null), analysis(200, 20, "The USA leads.", "And by year?"));
        JsonNode verified = ChatFixtures.ask(api, token, connection, "What is the revenue per country?", null)
                .json();
        assertThat(feedback(verified.get("messageId").asString(), Map.of("rating", "up"))
                        .status())
                .isEqualTo(200);
        long usedBefore = used();
        int requestsBefore = anthropic.requestCount();

        HttpApi.Response exhausted = api.request("PUT", "/api/v1/org/budget")
                .bearer(token)
                .json(Map.of("monthlyTokenBudget", 0))
                .send();
        assertThat(exhausted.status()).as(exhausted.toString()).isEqualTo(200);
        assertThat(exhausted.json().get("remaining").asLong()).isZero();
        for (String question : List.of("Revenue per country", "What is the revenue per country?")) {
            List<AskEvent> events = new CopyOnWriteArrayList<>();
            ChatAnswer answer = asks.ask(
                    caller(),
                    new AskCommand(UUID.fromString(connection), question, null, null),
                    events::add,
                    new CancellationToken());
            assertThat(answer.status()).as(question).isEqualTo("declined");
            assertThat(answer.message()).isEqualTo(TokenBudgets.EXCEEDED_MESSAGE);
            assertThat(answer.sql()).as("not even the verified query runs").isNull();
            assertThat(answer.rowCount()).isZero();
            assertThat(events).as("no stage ran, nothing was streamed").isEmpty();
            assertThat(answer.timings().keySet()).containsExactly("total");
        }
        assertThat(anthropic.requestCount()).as("no request at all").isEqualTo(requestsBefore);
        assertThat(used()).as("nothing charged").isEqualTo(usedBefore);
    }

    @Test
    void aBudgetSpentByTheQueryLeavesTheAnalysisToThePlainDescriptionWithANote() {
        // Room for one call: the SQL generation spends more than the whole budget, so the analysis may not call.
        assertThat(api.request("PUT", "/api/v1/org/budget")
                        .bearer(token)
                        .json(Map.of("monthlyTokenBudget", 100))
                        .send()
                        .status())
                .isEqualTo(200);
        anthropic.enqueue(
                sql(812, 64, "Per country.", REVENUE_SQL, null), analysis(420, 55, "Never sent.", "Never asked?"));
        List<AskEvent> events = new CopyOnWriteArrayList<>();
        ChatAnswer answer = asks.ask(
                caller(),
                new AskCommand(UUID.fromString(connection), "Revenue per country", null, null),
                events::add,
                new CancellationToken());

        assertThat(answer.status()).as(answer.message()).isEqualTo("answered");
        assertThat(answer.rowCount()).as("the result is shown").isEqualTo(24);
        assertThat(anthropic.requestCount()).as("the SQL generation only").isEqualTo(1);
        assertThat(answer.analysis())
                .as("described without the model, and saying why")
                .contains("USA")
                .doesNotContain("Never sent")
                .endsWith(ResultAnalysis.BUDGET_NOTE)
                .contains(TokenBudgets.EXCEEDED_MESSAGE);
        assertThat(analysisTokens(events)).as("the client saw the note too").isEqualTo(answer.analysis());
        assertThat(answer.followUps()).isNotEmpty();
        assertThat(answer.tokens().sqlGeneration()).isEqualTo(new ChatAnswer.Usage(812, 64));
        assertThat(answer.tokens().analysis()).isEqualTo(new ChatAnswer.Usage(0, 0));
        assertThat(used()).isEqualTo(812 + 64);
    }

    @Test
    void aFollowUpBecomesAnExampleWithItsConversationAndIsNeverReusedForItsBareWords() {
        anthropic.enqueue(
                sql(500, 20, "Per country.", REVENUE_SQL, null),
                analysis(200, 20, "The USA leads.", "And by year?"),
                sql(500, 20, "Per year.", YEARLY_SQL, null),
                analysis(200, 20, "Flat.", "By month?"));
        JsonNode first = ChatFixtures.ask(api, token, connection, "What is the revenue per country?", null)
                .json();
        String session = first.get("sessionId").asString();
        JsonNode followUp = ChatFixtures.ask(api, token, connection, "and by year?", session)
                .json();
        assertThat(followUp.get("status").asString()).as(followUp.toString()).isEqualTo("answered");

        HttpApi.Response upOnFollowUp = feedback(followUp.get("messageId").asString(), Map.of("rating", "up"));
        assertThat(upOnFollowUp.status()).as(upOnFollowUp.toString()).isEqualTo(200);
        assertThat(upOnFollowUp.json().get("rating").asString())
                .as("the rating is kept")
                .isEqualTo("up");
        assertThat(upOnFollowUp.json().get("verifiedExampleId").isNull())
                .as("a follow-up becomes an example too")
                .isFalse();
        assertThat(jdbc.sql("SELECT question FROM verified_examples WHERE id = ?")
                        .param(UUID.fromString(
                                upOnFollowUp.json().get("verifiedExampleId").asString()))
                        .query(String.class)
                        .single())
                .isEqualTo("What is the revenue per country? → and by year?");
        HttpApi.Response upOnFirst = feedback(first.get("messageId").asString(), Map.of("rating", "up"));
        assertThat(upOnFirst.json().get("verifiedExampleId").isNull()).isFalse();

        // The follow-up's words, asked on their own, go to the model: the example is stored with its conversation.
        int before = anthropic.requestCount();
        anthropic.enqueue(sql(500, 20, "Per year.", YEARLY_SQL, null), analysis(200, 20, "Flat.", "By month?"));
        JsonNode alone =
                ChatFixtures.ask(api, token, connection, "and by year?", null).json();
        assertThat(alone.get("attempts").asInt()).isEqualTo(1);
        assertThat(anthropic.requestCount()).isEqualTo(before + 2);

        // The verified question, asked within a conversation, is written by the model with its history; the
        // example is offered as a similar one, not reused.
        anthropic.enqueue(
                sql(500, 20, "Per country again.", REVENUE_SQL, null), analysis(200, 20, "Again.", "By year?"));
        JsonNode inConversation = ChatFixtures.ask(api, token, connection, "What is the revenue per country?", session)
                .json();
        assertThat(inConversation.get("status").asString()).isEqualTo("answered");
        assertThat(inConversation.get("attempts").asInt())
                .as("written, not reused")
                .isEqualTo(1);
        assertThat(inConversation.get("reasoning").asString()).isEqualTo("Per country again.");
        assertThat(anthropic.requestCount()).isEqualTo(before + 4);
        JsonNode prompt = anthropic.requests().get(before + 2).json();
        assertThat(prompt.get("messages").size())
                .as("the two earlier turns and the question")
                .isEqualTo(5);
        assertThat(prompt.get("system").toString()).contains("Verified examples", "What is the revenue per country?");

        // The same question starting a conversation still reuses it.
        JsonNode reused = ChatFixtures.ask(api, token, connection, "What is the revenue per country?", null)
                .json();
        assertThat(reused.get("attempts").asInt()).isZero();
        assertThat(anthropic.requestCount()).isEqualTo(before + 4);
    }

    @Test
    void aVerifiedAnswerIsReusedForTheSameQuestionAndShownAsExampleForSimilarOnes() {
        anthropic.enqueue(
                sql(500, 20, "Per country.", REVENUE_SQL, null), analysis(200, 20, "The USA leads.", "And by year?"));
        JsonNode first = ChatFixtures.ask(api, token, connection, "What is the revenue per country?", null)
                .json();
        String messageId = first.get("messageId").asString();

        HttpApi.Response bad = feedback(messageId, Map.of("rating", "great"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("rating");
        HttpApi.Response up = feedback(messageId, Map.of("rating", "up", "comment", "Right numbers"));
        assertThat(up.status()).as(up.toString()).isEqualTo(200);
        assertThat(up.json().get("verifiedExampleId").isNull()).isFalse();

        int before = anthropic.requestCount();
        JsonNode again = ChatFixtures.ask(api, token, connection, "  what is the REVENUE per country ", null)
                .json();
        assertThat(anthropic.requestCount()).as("no provider call").isEqualTo(before);
        assertThat(again.get("status").asString()).isEqualTo("answered");
        assertThat(again.get("sql").asString()).isEqualTo(first.get("sql").asString());
        assertThat(again.get("attempts").asInt()).isZero();
        assertThat(again.get("rowCount").asLong()).isEqualTo(24);
        assertThat(again.get("analysis").asString()).contains("USA");
        assertThat(again.get("tokens").get("sqlGeneration").get("input").asLong())
                .isZero();

        anthropic.enqueue(
                sql(500, 20, "Per country in 2010.", REVENUE_SQL, null), analysis(200, 20, "The USA leads.", "x?"));
        ChatFixtures.ask(api, token, connection, "What was the revenue per country in 2010?", null);
        String system = anthropic.requests().get(before).json().get("system").toString();
        assertThat(system).contains("Verified examples", "What is the revenue per country?");

        // Taking the thumbs back removes the example: the same question goes to the model again.
        assertThat(feedback(messageId, Map.of("rating", "down")).status()).isEqualTo(200);
        anthropic.enqueue(sql(500, 20, "Per country.", REVENUE_SQL, null), analysis(200, 20, "Again.", "y?"));
        int beforeDown = anthropic.requestCount();
        ChatFixtures.ask(api, token, connection, "What is the revenue per country?", null);
        assertThat(anthropic.requestCount()).isEqualTo(beforeDown + 2);

        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        assertThat(api.request("POST", "/api/v1/chat/messages/" + messageId + "/feedback")
                        .bearer(otherToken)
                        .json(Map.of("rating", "up"))
                        .send()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void cancellingStopsTheQueryInPostgres() throws Exception {
        String heavy = "SELECT count(*) AS n FROM invoice_line a CROSS JOIN invoice_line b CROSS JOIN invoice_line c";
        anthropic.enqueue(sql(100, 10, "Count everything.", heavy, null));
        CancellationToken cancel = new CancellationToken();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            long started = System.nanoTime();
            Future<ChatAnswer> asked = pool.submit(() -> asks.ask(
                    caller(),
                    new AskCommand(UUID.fromString(connection), "Count all triples", null, "cancel-me"),
                    AskListener.NONE,
                    cancel));
            assertThat(awaitRunning(true, Duration.ofSeconds(60)))
                    .as("query running in PostgreSQL")
                    .isTrue();
            cancel.cancel();
            ChatAnswer answer = asked.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).isEqualTo("failed");
            assertThat(answer.message()).isEqualTo(AskPipeline.CANCELLED);
            assertThat(awaitRunning(false, Duration.ofSeconds(10)))
                    .as("gone from pg_stat_activity")
                    .isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("stopped by the cancel, not the 30 s query timeout")
                    .isLessThan(Duration.ofSeconds(25));
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean awaitRunning(boolean running, Duration within) throws Exception {
        return ChatFixtures.awaitQuery(database, "CROSS JOIN invoice_line c", running, within);
    }

    /** Tokens the organization's stored budget has charged this month. */
    private long used() {
        HttpApi.Response budget =
                api.request("GET", "/api/v1/org/budget").bearer(token).send();
        assertThat(budget.status()).as(budget.toString()).isEqualTo(200);
        return budget.json().get("used").asLong();
    }

    private HttpApi.Response feedback(String messageId, Map<String, Object> body) {
        return api.request("POST", "/api/v1/chat/messages/" + messageId + "/feedback")
                .bearer(token)
                .json(body)
                .send();
    }

    private Caller caller() {
        return new Caller(owner.userId(), owner.orgId(), Role.OWNER);
    }
}
