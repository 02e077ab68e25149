package io.datamind.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RouteGroupsTest {

    @Test
    void credentialRoutesHaveTheirOwnGroupsForPostOnly() {
        assertThat(classify("POST", "/api/v1/auth/login")).isEqualTo("LOGIN");
        assertThat(classify("POST", "/api/v1/auth/token")).isEqualTo("LOGIN");
        assertThat(classify("POST", "/api/v1/auth/register")).isEqualTo("REGISTER");
        assertThat(classify("POST", "/api/v1/auth/refresh")).isEqualTo("REFRESH");
        assertThat(classify("GET", "/api/v1/auth/login")).isEqualTo("API");
    }

    @Test
    void askingAQuestionIsItsOwnGroup() {
        assertThat(classify("POST", "/api/v1/chat/messages")).isEqualTo("ASK");
        assertThat(classify("POST", "/api/v1/chat/messages/stream")).isEqualTo("ASK");
        assertThat(classify("GET", "/api/v1/chat/messages")).isEqualTo("API");
        assertThat(classify("POST", "/api/v1/chat/conversations")).isEqualTo("API");
    }

    @Test
    void pathsAreMatchedDecodedLikeSpringMvcDoes() {
        assertThat(classify("POST", "/api/v1/auth/logi%6E")).isEqualTo("LOGIN");
        assertThat(classify("POST", "/api/v1/auth%2Flogin")).isEqualTo("API");
    }

    @Test
    void healthStaticAssetsAndDocsAreExempt() {
        assertThat(classify("GET", "/api/v1/health")).isEqualTo("none");
        assertThat(classify("GET", "/api/v1/health/ready")).isEqualTo("none");
        assertThat(classify("GET", "/assets/index-abc123.js")).isEqualTo("none");
        assertThat(classify("GET", "/v3/api-docs")).isEqualTo("none");
        assertThat(classify("GET", "/swagger-ui/index.html")).isEqualTo("none");
        assertThat(classify("GET", "/")).isEqualTo("none");
        assertThat(classify("GET", "/api/v1/healthy")).isEqualTo("API");
    }

    @Test
    void contextPathIsIgnored() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/datamind/api/v1/auth/login");
        request.setContextPath("/datamind");

        assertThat(RouteGroups.classify(request)).contains(RouteGroup.LOGIN);
    }

    private static String classify(String method, String uri) {
        return RouteGroups.classify(new MockHttpServletRequest(method, uri))
                .map(Enum::name)
                .orElse("none");
    }
}
