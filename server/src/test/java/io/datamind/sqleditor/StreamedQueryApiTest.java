package io.datamind.sqleditor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import io.datamind.support.TestConnections;
import io.datamind.support.TestServices;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/** Large results through {@code POST /api/v1/query}, which streams them: complete, well-formed, limits reported. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// The default byte limit (64 MB), as SqlQueryApiTest, so that they share one server.
@TestPropertySource(properties = "datamind.rate-limit.enabled=false")
class StreamedQueryApiTest {

    private static final int ROWS = 50_000;
    /** 2.5 billion rows of about 210 bytes: far more than the 64 MB byte limit lets through. */
    private static final String HUGE = "SELECT a.id, a.filler, b.filler AS filler2 FROM big a CROSS JOIN big b";

    @LocalServerPort
    int port;

    private HttpApi api;
    private String token;
    private String connection;

    @BeforeAll
    void bigTable() throws SQLException {
        String database = TestServices.createPostgresDatabase("streamed");
        try (Connection admin =
                        DriverManager.getConnection(TestServices.postgresUrl(database), TestServices.PG_USER, "");
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE TABLE big (id integer PRIMARY KEY, name text NOT NULL, filler text NOT NULL)");
            statement.execute(
                    "INSERT INTO big SELECT g, 'row ' || g, repeat('x', 100) FROM generate_series(1, " + ROWS + ") g");
            statement.execute("ANALYZE big");
        }
        api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        token = TestAccounts.token(api, owner).accessToken();
        connection = TestConnections.createPostgres(api, token, "Big", database);
        TestConnections.awaitSchema(api, token, connection);
    }

    @Test
    void deliversEveryRowOfALargeResultInOrder() {
        HttpApi.Response response = run("SELECT id, name FROM big ORDER BY id", ROWS);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/json");
        JsonNode body = response.json();
        assertThat(body.propertyNames()).containsExactly("columns", "rows", "rowCount", "truncated", "durationMs");
        assertThat(body.get("columns").get(0).get("name").asString()).isEqualTo("id");
        assertThat(body.get("columns").get(1).get("type").asString()).isEqualTo("text");
        JsonNode rows = body.get("rows");
        assertThat(rows.size()).isEqualTo(ROWS);
        for (int i = 0; i < ROWS; i++) {
            JsonNode row = rows.get(i);
            assertThat(row.get(0).asInt()).isEqualTo(i + 1);
            assertThat(row.get(1).asString()).isEqualTo("row " + (i + 1));
        }
        assertThat(body.get("rowCount").asLong()).isEqualTo(ROWS);
        assertThat(body.get("truncated").asBoolean()).isFalse();
    }

    @Test
    void withoutALimitTheConfiguredDefaultTruncates() {
        JsonNode body = run("SELECT id FROM big ORDER BY id", null).json();
        assertThat(body.get("rows").size()).isEqualTo(10_000);
        assertThat(body.get("rowCount").asLong()).isEqualTo(10_000);
        assertThat(body.get("truncated").asBoolean()).isTrue();
    }

    @Test
    void reportsTruncationAtTheRowLimit() {
        JsonNode body = run("SELECT id, name FROM big ORDER BY id", ROWS - 1).json();
        assertThat(body.get("rows").size()).isEqualTo(ROWS - 1);
        assertThat(body.get("rowCount").asLong()).isEqualTo(ROWS - 1);
        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.has("error")).isFalse();
    }

    @Test
    void reportsTruncationAtTheByteLimit() {
        HttpApi.Response response = run(HUGE, 1_000_000);
        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        long delivered = body.get("rowCount").asLong();
        assertThat(delivered).isBetween(1L, 999_999L);
        assertThat(body.get("rows").size()).isEqualTo((int) delivered);
        assertThat(body.get("truncated").asBoolean()).isTrue();
        assertThat(body.has("error")).isFalse();
        // The limit is on the estimated JSON of the rows; the response is that and little more.
        assertThat(response.body().length()).isBetween(60 * 1024 * 1024, 65 * 1024 * 1024);
    }

    @Test
    void aClientThatGoesAwayStopsTheQuery() throws Exception {
        byte[] request =
                HttpApi.JSON.writeValueAsBytes(Map.of("connectionId", connection, "sql", HUGE, "limit", 1_000_000));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/query HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                            + "\r\nContent-Type: application/json\r\nContent-Length: " + request.length
                            + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(request);
            out.flush();
            byte[] start = socket.getInputStream().readNBytes(100_000);
            assertThat(new String(start, StandardCharsets.UTF_8)).startsWith("HTTP/1.1 200");
            // A reset rather than an orderly close: the server's next write fails.
            socket.setSoLinger(true, 0);
        }
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!api.request("GET", "/api/v1/audit?limit=100")
                .bearer(token)
                .send()
                .body()
                .contains("disconnected")) {
            assertThat(System.nanoTime())
                    .as("query.failed/disconnected audited")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aFailureBeforeTheFirstBytesIsAProblem() {
        HttpApi.Response response = run("SELECT id, 1 / (id - 1) AS boom FROM big ORDER BY id", ROWS);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).containsIgnoringCase("division by zero");
    }

    @Test
    void aFailureAfterTheResultStartedEndsItWithAnError() {
        HttpApi.Response response = run("SELECT id, name, 1 / (id - 40000) AS boom FROM big ORDER BY id", ROWS);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        long delivered = body.get("rowCount").asLong();
        assertThat(delivered).isPositive().isLessThan(40_000);
        assertThat(body.get("rows").size()).isEqualTo((int) delivered);
        assertThat(body.get("truncated").asBoolean()).isTrue();
        JsonNode error = body.get("error");
        assertThat(error.get("status").asInt()).isEqualTo(400);
        assertThat(error.get("title").asString()).isEqualTo("Query failed");
        assertThat(error.get("detail").asString()).containsIgnoringCase("division by zero");
        assertThat(error.get("requestId").asString()).isNotBlank();

        String audit = api.request("GET", "/api/v1/audit?limit=100")
                .bearer(token)
                .send()
                .body();
        assertThat(audit).contains("query.failed", "semantic");
    }

    private HttpApi.Response run(String sql, Integer limit) {
        Map<String, Object> body = new HashMap<>();
        body.put("connectionId", connection);
        body.put("sql", sql);
        if (limit != null) {
            body.put("limit", limit);
        }
        return api.request("POST", "/api/v1/query").bearer(token).json(body).send();
    }
}
