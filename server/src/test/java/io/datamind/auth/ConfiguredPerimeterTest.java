package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** The production-style settings: Secure cookies with a domain, configured CORS origins, HSTS over HTTPS. */
@IntegrationTest
@TestPropertySource(
        properties = {
            "datamind.security.cookie-secure=true",
            "datamind.security.cookie-domain=datamind.example",
            "datamind.security.cors-origins=https://app.datamind.example",
            // Behind a TLS-terminating proxy on this host: trust its X-Forwarded-Proto.
            "server.forward-headers-strategy=native"
        })
class ConfiguredPerimeterTest {

    @LocalServerPort
    int port;

    @Test
    void cookiesAreSecureAndCarryTheConfiguredDomain() {
        HttpApi api = new HttpApi(port);
        TestAccounts.Account owner = TestAccounts.registerOwner(api);
        HttpApi.Browser browser = api.browser();
        HttpApi.Response login = browser.request("POST", "/api/v1/auth/login")
                .withCsrf()
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
        assertThat(login.status()).isEqualTo(200);
        for (String name : new String[] {AuthCookies.ACCESS, AuthCookies.REFRESH}) {
            HttpApi.SetCookie cookie = login.setCookie(name).orElseThrow();
            assertThat(cookie.has("Secure")).as(name).isTrue();
            assertThat(cookie.has("HttpOnly")).as(name).isTrue();
            assertThat(cookie.attribute("Domain")).as(name).isEqualTo("datamind.example");
        }
        HttpApi.SetCookie csrf = api.request("GET", "/api/v1/auth/csrf")
                .send()
                .setCookie("XSRF-TOKEN")
                .orElseThrow();
        assertThat(csrf.has("Secure")).isTrue();
        assertThat(csrf.attribute("Domain")).isEqualTo("datamind.example");
    }

    @Test
    void hstsOnlyOverHttps() {
        HttpApi api = new HttpApi(port);
        assertThat(api.request("GET", "/api/v1/health").send().header("Strict-Transport-Security"))
                .isEmpty();
        HttpApi.Response https = api.request("GET", "/api/v1/health")
                .header("X-Forwarded-Proto", "https")
                .send();
        assertThat(https.header("Strict-Transport-Security").orElseThrow())
                .contains("max-age=31536000")
                .contains("includeSubDomains");
    }

    @Test
    void onlyConfiguredOriginsMayCallAcrossOrigins() {
        HttpApi api = new HttpApi(port);
        HttpApi.Response allowed = api.request("OPTIONS", "/api/v1/me")
                .header("Origin", "https://app.datamind.example")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type,x-xsrf-token")
                .send();
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).contains("https://app.datamind.example");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).contains("true");

        HttpApi.Response refused = api.request("OPTIONS", "/api/v1/me")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .send();
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.header("Access-Control-Allow-Origin")).isEmpty();
    }
}
