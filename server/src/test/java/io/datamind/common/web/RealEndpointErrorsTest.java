package io.datamind.common.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The body errors of {@link ApiConventionsTest}, sent to a real, authenticated {@code /api/v1} endpoint through the
 * whole filter chain (security, request id, body limit), including a body whose length is not declared up front.
 */
@IntegrationTest
class RealEndpointErrorsTest {

    private static final String CONNECTIONS = "/api/v1/connections";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private String token;

    @BeforeEach
    void signIn() {
        HttpApi api = new HttpApi(port);
        token = TestAccounts.token(api, TestAccounts.registerOwner(api)).accessToken();
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        JsonNode problem = problem(
                send("application/json", HttpRequest.BodyPublishers.ofString("{\n  \"name\": \"x\",,\n}")), 400);
        assertThat(problem.get("detail").asString()).contains("line 2, column");
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        problem(send("text/plain", HttpRequest.BodyPublishers.ofString("name=x")), 415);
    }

    @Test
    void declaredTooLargeBodyIs413() throws Exception {
        JsonNode problem = problem(send("application/json", HttpRequest.BodyPublishers.ofString(huge())), 413);
        assertThat(problem.get("detail").asString()).contains("1048576");
    }

    @Test
    void chunkedTooLargeBodyIs413WhileItIsRead() throws Exception {
        byte[] body = huge().getBytes(StandardCharsets.UTF_8);
        // A stream publisher has no known length, so the client sends it chunked, without Content-Length.
        HttpResponse<String> response = send(
                "application/json", HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        JsonNode problem = problem(response, 413);
        assertThat(problem.get("detail").asString()).contains("1048576");
    }

    private static String huge() {
        return "{\"name\":\"" + "x".repeat(1_100_000) + "\",\"type\":\"postgresql\"}";
    }

    private HttpResponse<String> send(String contentType, HttpRequest.BodyPublisher body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CONNECTIONS))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", contentType)
                        .POST(body)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        JsonNode body = HttpApi.JSON.readTree(response.body());
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("requestId").asString()).isNotBlank();
        return body;
    }
}
