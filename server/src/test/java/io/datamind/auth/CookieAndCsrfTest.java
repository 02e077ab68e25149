package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Session cookies carry the right flags, and cookie-authenticated changes need the CSRF token. */
@IntegrationTest
class CookieAndCsrfTest {

    @LocalServerPort
    int port;

    HttpApi api;
    TestAccounts.Account owner;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
    }

    @Test
    void sessionCookiesAreHttpOnlyLaxAndScopedByPath() {
        HttpApi.Browser browser = api.browser();
        HttpApi.Response login = login(browser);
        assertThat(login.status()).isEqualTo(200);

        HttpApi.SetCookie access = login.setCookie(AuthCookies.ACCESS).orElseThrow();
        assertThat(access.has("HttpOnly")).isTrue();
        assertThat(access.attribute("SameSite")).isEqualTo("Lax");
        assertThat(access.path()).isEqualTo("/");
        assertThat(access.has("Secure"))
                .as("not Secure on the plain-http embedded default")
                .isFalse();
        assertThat(access.maxAge()).isBetween(800L, 900L);

        HttpApi.SetCookie refresh = login.setCookie(AuthCookies.REFRESH).orElseThrow();
        assertThat(refresh.has("HttpOnly")).isTrue();
        assertThat(refresh.attribute("SameSite")).isEqualTo("Lax");
        assertThat(refresh.path()).isEqualTo("/api/v1/auth");
        assertThat(refresh.maxAge()).isBetween(7 * 86_400L - 100, 7 * 86_400L);

        HttpApi.Response logout =
                browser.request("POST", "/api/v1/auth/logout").withCsrf().send();
        assertThat(logout.setCookie(AuthCookies.ACCESS).orElseThrow().maxAge()).isZero();
        assertThat(logout.setCookie(AuthCookies.REFRESH).orElseThrow().maxAge()).isZero();
    }

    @Test
    void csrfCookieIsReadableByTheAppAndSetByAnyGet() {
        HttpApi.Response csrf = api.request("GET", "/api/v1/auth/csrf").send();
        assertThat(csrf.status()).isEqualTo(204);
        HttpApi.SetCookie cookie = csrf.setCookie("XSRF-TOKEN").orElseThrow();
        assertThat(cookie.has("HttpOnly")).as("the web app reads it").isFalse();
        assertThat(cookie.attribute("SameSite")).isEqualTo("Lax");
        assertThat(cookie.path()).isEqualTo("/");
        assertThat(cookie.value()).isNotBlank();

        HttpApi.Response me = api.request("GET", "/api/v1/me").send();
        assertThat(me.status()).isEqualTo(401);
        assertThat(me.setCookie("XSRF-TOKEN"))
                .as("even a 401 GET hands out the cookie")
                .isPresent();
    }

    @Test
    void cookieAuthenticatedChangeWithoutTokenIsRefused() {
        HttpApi.Browser browser = api.browser();
        assertThat(login(browser).status()).isEqualTo(200);

        // What a cross-site form or fetch can send: the cookies, an Origin, but no X-XSRF-TOKEN header.
        HttpApi.Response forged = browser.request("POST", "/api/v1/org/members")
                .header("Origin", "https://evil.example")
                .json(newMember())
                .send();
        assertThat(forged.status()).as(forged.toString()).isEqualTo(403);
        assertThat(forged.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(forged.json().get("detail").asString()).contains("CSRF");

        HttpApi.Response form = browser.request("POST", "/api/v1/org/members")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", "https://evil.example")
                .send();
        assertThat(form.status()).isEqualTo(403);

        HttpApi.Response wrongToken = browser.request("POST", "/api/v1/org/members")
                .header("X-XSRF-TOKEN", "not-the-token")
                .json(newMember())
                .send();
        assertThat(wrongToken.status()).isEqualTo(403);

        for (String path : new String[] {"/api/v1/auth/logout", "/api/v1/auth/refresh", "/api/v1/me/password"}) {
            assertThat(browser.request("POST", path).json(Map.of()).send().status())
                    .as(path)
                    .isEqualTo(403);
        }
        assertThat(browser.request("GET", "/api/v1/me").send().status())
                .as("the session survived the refused requests")
                .isEqualTo(200);

        // A Bearer header makes a request exempt; it must then not act on the session cookies.
        String access = browser.cookie(AuthCookies.ACCESS).orElseThrow();
        String refresh = browser.cookie(AuthCookies.REFRESH).orElseThrow();
        HttpApi.Response bearerRefresh = browser.request("POST", "/api/v1/auth/refresh")
                .bearer("not-a-token")
                .send();
        assertThat(bearerRefresh.status()).isEqualTo(401);
        HttpApi.Response bearerLogout = browser.request("POST", "/api/v1/auth/logout")
                .bearer("not-a-token")
                .send();
        assertThat(bearerLogout.status()).isEqualTo(204);
        browser.setCookie(AuthCookies.ACCESS, access, "/");
        browser.setCookie(AuthCookies.REFRESH, refresh, AuthCookies.REFRESH_PATH);
        assertThat(browser.request("GET", "/api/v1/me").send().status())
                .as("the cookie session was not ended")
                .isEqualTo(200);
        assertThat(browser.request("POST", "/api/v1/auth/refresh")
                        .withCsrf()
                        .send()
                        .status())
                .isEqualTo(200);

        HttpApi.Response withToken = browser.request("POST", "/api/v1/org/members")
                .withCsrf()
                .json(newMember())
                .send();
        assertThat(withToken.status()).as(withToken.toString()).isEqualTo(201);
    }

    @Test
    void loginAndRegisterNeedTheTokenSoAForgedFormCannotSignTheVictimIn() {
        HttpApi.Response login = api.request("POST", "/api/v1/auth/login")
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.setCookie(AuthCookies.ACCESS)).isEmpty();

        HttpApi.Response register = api.request("POST", "/api/v1/auth/register")
                .json(Map.of(
                        "email",
                        TestAccounts.unique("x") + "@example.com",
                        "password",
                        TestAccounts.PASSWORD,
                        "fullName",
                        "X",
                        "orgName",
                        "X",
                        "orgSlug",
                        TestAccounts.unique("x")))
                .send();
        assertThat(register.status()).isEqualTo(403);
    }

    @Test
    void bearerRequestsAndTheTokenEndpointAreExempt() {
        HttpApi.Response token = api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
        assertThat(token.status()).isEqualTo(200);
        assertThat(token.setCookies()).noneMatch(c -> c.startsWith(AuthCookies.ACCESS));
        String accessToken = token.json().get("accessToken").asString();

        HttpApi.Response added = api.request("POST", "/api/v1/org/members")
                .bearer(accessToken)
                .json(newMember())
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);

        HttpApi.Response refreshed = api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", token.json().get("refreshToken").asString()))
                .send();
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(refreshed.setCookies()).noneMatch(c -> c.startsWith(AuthCookies.ACCESS));
    }

    private HttpApi.Response login(HttpApi.Browser browser) {
        return browser.request("POST", "/api/v1/auth/login")
                .withCsrf()
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
    }

    private static Map<String, String> newMember() {
        return Map.of(
                "email",
                TestAccounts.unique("m") + "@example.com",
                "fullName",
                "M",
                "role",
                "viewer",
                "password",
                TestAccounts.PASSWORD);
    }
}
