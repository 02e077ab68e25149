package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The OpenAPI document the web app and API clients are written against. */
@IntegrationTest
class ApiDocsTest {

    @LocalServerPort
    int port;

    @Test
    void documentsBearerAuthAndTheRealParameters() {
        JsonNode docs = new HttpApi(port).request("GET", "/v3/api-docs").send().json();
        assertThat(docs.at("/components/securitySchemes/bearer/scheme").asString())
                .isEqualTo("bearer");

        List<String> memberParameters = new ArrayList<>();
        docs.at("/paths/~1api~1v1~1org~1members/get/parameters")
                .forEach(parameter -> memberParameters.add(parameter.get("name").asString()));
        assertThat(memberParameters).containsExactlyInAnyOrder("offset", "limit");

        assertThat(docs.at("/components/schemas/AuditEntry/properties/details/type")
                        .toString())
                .contains("object");
        assertThat(docs.toString()).as("the caller comes from the token").doesNotContain("\"caller\"");
        assertThat(docs.at("/paths/~1api~1v1~1auth~1login/post/security").isArray())
                .as("sign-in needs no token")
                .isTrue();
        assertThat(docs.at("/paths/~1api~1v1~1auth~1login/post/security")).isEmpty();
        assertThat(docs.at("/paths/~1api~1v1~1health/get/security")).isEmpty();
        assertThat(docs.at("/security/0/bearer").isArray())
                .as("everything else does")
                .isTrue();

        // The SQL editor writes its streamed result by hand; the documented shape is still the result's.
        JsonNode query = docs.at("/paths/~1api~1v1~1query/post");
        assertThat(query.path("parameters").toString()).doesNotContain("response");
        assertThat(query.at("/responses/200/content/application~1json/schema/$ref")
                        .asString())
                .endsWith("/StreamedResult");
        assertThat(docs.at("/components/schemas/StreamedResult/properties").propertyNames())
                .contains("columns", "rows", "rowCount", "truncated", "durationMs", "error");
    }
}
