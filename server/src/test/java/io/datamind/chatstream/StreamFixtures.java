package io.datamind.chatstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Accounts, connections and event checks shared by the stream tests. */
final class StreamFixtures {

    /** The pipeline's stages in the order they run when nothing needs a repair. */
    static final List<String> STAGES =
            List.of("schema", "examples", "generate_sql", "check", "execute", "chart", "analyze");

    private StreamFixtures() {}

    /** A browser signed in as the account: it holds the session cookie. */
    static HttpApi.Browser signIn(HttpApi api, TestAccounts.Account account) {
        HttpApi.Browser browser = api.browser();
        HttpApi.Response login = browser.request("POST", "/api/v1/auth/login")
                .withCsrf()
                .json(Map.of("email", account.email(), "password", account.password()))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return browser;
    }

    /** The handshake headers a browser on the app's own page sends. */
    static Map<String, String> browserHeaders(HttpApi.Browser browser, int port) {
        return Map.of(
                "Cookie", "datamind_access=" + browser.cookie("datamind_access").orElseThrow(),
                "Origin", "http://127.0.0.1:" + port);
    }

    /** A connection saved in DataMind and the name of its PostgreSQL database. */
    record Postgres(String connection, String database) {}

    /** A saved connection to a new PostgreSQL database with a table of 3,000 numbers, once discovered. */
    static Postgres postgresWithNumbers(HttpApi api, String token) throws SQLException {
        String database = TestServices.createPostgresDatabase("stream");
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE numbers (n integer PRIMARY KEY)");
            statement.execute("INSERT INTO numbers SELECT generate_series(1, 3000)");
            statement.execute("ANALYZE numbers");
        }
        String connection = TestConnections.createPostgres(api, token, "pg " + database, database);
        TestConnections.awaitSchema(api, token, connection);
        return new Postgres(connection, database);
    }

    /** A query that runs for minutes on {@link #postgresWithNumbers}: 27 billion rows to count. */
    static final String ENDLESS_QUERY =
            "SELECT count(*) AS combinations FROM numbers a CROSS JOIN numbers b" + " CROSS JOIN numbers c";

    /**
     * Statements of the database that PostgreSQL is running now: the query itself, or a {@code FETCH} from the
     * runner's server-side cursor, where a query's work happens.
     */
    static int runningOnPostgres(String database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(TestServices.postgresUrl("test"), TestServices.PG_USER, "");
                PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity"
                        + " WHERE datname = ? AND state = 'active' AND (query LIKE '%CROSS JOIN numbers c%'"
                        + " OR query LIKE 'FETCH %')")) {
            statement.setString(1, database);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    /** Polls until the condition holds; false when it did not within the time. */
    static boolean eventually(long millis, Check condition) throws Exception {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (System.nanoTime() < deadline) {
            if (condition.holds()) {
                return true;
            }
            Thread.sleep(50);
        }
        return condition.holds();
    }

    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    static Map<String, Object> ask(String requestId, String connection, String question) {
        Map<String, Object> ask = new LinkedHashMap<>();
        ask.put("type", "ask");
        ask.put("requestId", requestId);
        ask.put("connectionId", connection);
        ask.put("question", question);
        return ask;
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString()).toList();
    }

    /** "stage:state" for each stage event, in order. */
    static List<String> stages(List<JsonNode> events) {
        List<String> stages = new ArrayList<>();
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("stage")) {
                stages.add(
                        event.get("stage").asString() + ":" + event.get("state").asString());
            }
        }
        return stages;
    }

    /** Each stage started then done, in pipeline order. */
    static List<String> startedAndDone(List<String> stages) {
        List<String> expected = new ArrayList<>();
        for (String stage : stages) {
            expected.add(stage + ":started");
            expected.add(stage + ":done");
        }
        return expected;
    }

    /** The concatenated content of the token events of one phase. */
    static String text(List<JsonNode> events, String phase) {
        StringBuilder text = new StringBuilder();
        for (JsonNode event : events) {
            if (event.get("type").asString().equals("token")
                    && event.get("phase").asString().equals(phase)) {
                text.append(event.get("content").asString());
            }
        }
        return text.toString();
    }

    /** The index of the first event matching type (and stage:state for stage events). */
    static int indexOf(List<JsonNode> events, String type, String stageState) {
        for (int i = 0; i < events.size(); i++) {
            JsonNode event = events.get(i);
            if (!event.get("type").asString().equals(type)) {
                continue;
            }
            if (stageState == null
                    || (event.get("stage").asString() + ":" + event.get("state").asString()).equals(stageState)) {
                return i;
            }
        }
        return -1;
    }
}
