package io.datamind.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import conventionstest.ConventionsProbeController;
import io.datamind.support.IntegrationTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
@Import(ConventionsProbeController.class)
@ExtendWith(OutputCaptureExtension.class)
class ApiConventionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void validationErrorsListEachField() throws Exception {
        HttpResponse<String> response =
                post("/conventions/items", "application/json", "{\"name\":\" \",\"quantity\":99}");
        JsonNode problem = problem(response, 400);
        assertThat(problem.get("title").asString()).isEqualTo("Validation failed");
        assertThat(problem.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "quantity");
        assertThat(problem.get("detail").asString()).contains("name").contains("quantity");
    }

    @Test
    void malformedJsonGivesTheParsePosition() throws Exception {
        JsonNode problem = problem(post("/conventions/items", "application/json", "{\n  \"name\": \"x\",,\n}"), 400);
        assertThat(problem.get("detail").asString()).contains("line 2");
    }

    @Test
    void wrongFieldTypeNamesTheField() throws Exception {
        JsonNode problem =
                problem(post("/conventions/items", "application/json", "{\"name\":\"x\",\"quantity\":\"many\"}"), 400);
        assertThat(problem.get("detail").asString()).contains("quantity");
    }

    @Test
    void tooLargeBodyIs413() throws Exception {
        String huge = "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"quantity\":1}";
        JsonNode problem = problem(post("/conventions/items", "application/json", huge), 413);
        assertThat(problem.get("detail").asString()).contains("1048576");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        problem(post("/conventions/items", "text/plain", "name=x"), 415);
    }

    @Test
    void unknownIdIs404AndMalformedIdIs400() throws Exception {
        JsonNode notFound = problem(get("/conventions/items/" + java.util.UUID.randomUUID(), null), 404);
        assertThat(notFound.get("detail").asString()).isEqualTo("Item not found");
        JsonNode malformed = problem(get("/conventions/items/not-a-uuid", null), 400);
        assertThat(malformed.get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void unexpectedErrorIs500WithRequestIdAndNothingInternal(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/conventions/boom", "trace-500");
        JsonNode problem = problem(response, 500);
        assertThat(problem.get("requestId").asString()).isEqualTo("trace-500");
        assertThat(response.body()).doesNotContain("SELECT", "secret_table", "IllegalStateException", "at io.");
        assertThat(output.getOut()).contains("secret_table");
    }

    @Test
    void listsArePaginatedAndBadPagingIsRefused() throws Exception {
        JsonNode page = JSON.readTree(
                get("/conventions/items?offset=100&limit=50", null).body());
        assertThat(page.get("total").asInt()).isEqualTo(120);
        assertThat(page.get("offset").asInt()).isEqualTo(100);
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("items").size()).isEqualTo(20);
        JsonNode defaults = JSON.readTree(get("/conventions/items", null).body());
        assertThat(defaults.get("limit").asInt()).isEqualTo(50);
        assertThat(defaults.get("offset").asInt()).isZero();
        assertThat(problem(get("/conventions/items?limit=201", null), 400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("limit");
        assertThat(problem(get("/conventions/items?limit=0", null), 400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("limit");
        assertThat(problem(get("/conventions/items?offset=-1", null), 400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("offset");
        assertThat(problem(get("/conventions/items?limit=ten", null), 400)
                        .at("/errors/0/field")
                        .asString())
                .isEqualTo("limit");
    }

    @Test
    void safeRequestIdIsEchoedAndLogged(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/conventions/items", "abc.DEF-123_x");
        assertThat(response.headers().firstValue("X-Request-ID")).hasValue("abc.DEF-123_x");
        assertThat(output.getOut()).containsPattern("abc\\.DEF-123_x.*GET /conventions/items 200");
    }

    @Test
    void unsafeRequestIdIsReplaced() throws Exception {
        for (String unsafe : new String[] {"a b", "<script>", "x".repeat(65), "id\u00e9"}) {
            HttpResponse<String> response = get("/conventions/items", unsafe);
            String echoed = response.headers().firstValue("X-Request-ID").orElseThrow();
            assertThat(echoed).isNotEqualTo(unsafe).matches("[0-9a-f-]{36}");
        }
        assertThat(get("/conventions/items", null).headers().firstValue("X-Request-ID"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
    }

    private JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("title").asString()).isNotBlank();
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("requestId").asString()).isNotBlank();
        return body;
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (requestId != null) {
            request.header("X-Request-ID", requestId);
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
