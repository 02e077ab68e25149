package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every response carries the security headers; public paths stay public; CORS is same-origin by default. */
@IntegrationTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        HttpApi api = new HttpApi(port);
        for (String path : List.of(
                "/api/v1/health", "/api/v1/me", "/api/v1/org/members", "/v3/api-docs", "/swagger-ui/index.html")) {
            HttpApi.Response response = api.request("GET", path).send();
            assertThat(response.header("Content-Security-Policy"))
                    .as(path)
                    .contains(SecurityConfig.CONTENT_SECURITY_POLICY);
            assertThat(response.header("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.header("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.header("Referrer-Policy")).as(path).contains("strict-origin-when-cross-origin");
            assertThat(response.header("Permissions-Policy"))
                    .as(path)
                    .contains("camera=(), microphone=(), geolocation=()");
            assertThat(response.header("Strict-Transport-Security"))
                    .as(path + ": HSTS only over HTTPS")
                    .isEmpty();
        }
    }

    @Test
    void publicPathsNeedNoSignIn() {
        HttpApi api = new HttpApi(port);
        assertThat(api.request("GET", "/api/v1/health").send().status()).isEqualTo(200);
        assertThat(api.request("GET", "/v3/api-docs").send().status()).isEqualTo(200);
        assertThat(api.request("GET", "/swagger-ui/index.html").send().status()).isEqualTo(200);
        // The address the README gives: springdoc redirects it to the UI.
        HttpApi.Response readmeAddress = api.request("GET", "/swagger-ui.html").send();
        assertThat(readmeAddress.status()).isEqualTo(302);
        assertThat(readmeAddress.header("Location"))
                .hasValueSatisfying(to -> assertThat(to).endsWith("/swagger-ui/index.html"));
        assertThat(api.request("GET", "/actuator/health/liveness").send().status())
                .isEqualTo(200);
        assertThat(api.request("GET", "/actuator/health/readiness").send().status())
                .isEqualTo(200);
        assertThat(api.request("GET", "/actuator/info").send().status()).isEqualTo(401);
        HttpApi.Response me = api.request("GET", "/api/v1/me").send();
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void otherActuatorEndpointsAreForAdmins() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        String ownerToken = TestAccounts.token(api, owner).accessToken();
        assertThat(api.request("GET", "/actuator/info")
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(200);
        TestAccounts.Account analyst = TestAccounts.addMember(api, ownerToken, owner.orgId(), "analyst");
        assertThat(api.request("GET", "/actuator/info")
                        .bearer(TestAccounts.token(api, analyst).accessToken())
                        .send()
                        .status())
                .isEqualTo(403);
    }

    @Test
    void aStaleCookieDoesNotBreakPublicPaths() {
        HttpApi.Browser browser = new HttpApi(port).browser();
        browser.setCookie(AuthCookies.ACCESS, "expired.or.garbage", "/");
        assertThat(browser.request("GET", "/api/v1/health").send().status()).isEqualTo(200);
        assertThat(browser.request("GET", "/swagger-ui/index.html").send().status())
                .isEqualTo(200);
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(401);
    }

    @Test
    void crossOriginCallsGetNoCorsHeadersByDefault() {
        HttpApi api = new HttpApi(port);
        HttpApi.Response preflight = api.request("OPTIONS", "/api/v1/me")
                .header("Origin", "https://other.example")
                .header("Access-Control-Request-Method", "GET")
                .send();
        assertThat(preflight.header("Access-Control-Allow-Origin")).isEmpty();
        HttpApi.Response get = api.request("GET", "/api/v1/health")
                .header("Origin", "https://other.example")
                .send();
        assertThat(get.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
