package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.TestAccounts;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The register → login → me → members journey, run against whichever application database the server uses. */
final class AccountFlow {

    private AccountFlow() {}

    static void run(HttpApi api) {
        HttpApi.Browser browser = api.browser();
        String slug = TestAccounts.unique("flow");
        String email = slug + "@Example.com";

        HttpApi.Response registered = browser.request("POST", "/api/v1/auth/register")
                .withCsrf()
                .json(Map.of(
                        "email",
                        email,
                        "password",
                        TestAccounts.PASSWORD,
                        "fullName",
                        "Ada Lovelace",
                        "orgName",
                        "Analytical Engines",
                        "orgSlug",
                        slug))
                .send();
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        JsonNode user = registered.json().get("user");
        assertThat(user.get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(user.get("fullName").asString()).isEqualTo("Ada Lovelace");
        assertThat(user.get("role").asString()).isEqualTo("owner");
        assertThat(registered.json().get("org").get("slug").asString()).isEqualTo(slug);
        assertThat(registered.json().get("org").get("name").asString()).isEqualTo("Analytical Engines");
        assertThat(browser.cookie(AuthCookies.ACCESS)).isPresent();
        assertThat(browser.cookie(AuthCookies.REFRESH)).isPresent();

        HttpApi.Response me = browser.request("GET", "/api/v1/me").send();
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.json().get("user").get("id").asString())
                .isEqualTo(user.get("id").asString());
        assertThat(me.json().get("org").get("slug").asString()).isEqualTo(slug);

        HttpApi.Response logout =
                browser.request("POST", "/api/v1/auth/logout").withCsrf().send();
        assertThat(logout.status()).as(logout.toString()).isEqualTo(204);
        assertThat(browser.cookie(AuthCookies.ACCESS)).isEmpty();
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(401);

        HttpApi.Response login = browser.request("POST", "/api/v1/auth/login")
                .withCsrf()
                .json(Map.of("email", email, "password", TestAccounts.PASSWORD))
                .send();
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.json().get("user").get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(login.json().get("org").get("slug").asString()).isEqualTo(slug);
        assertThat(login.json().get("expiresIn").asLong()).isBetween(1L, 900L);
        assertThat(login.json().has("accessToken")).isFalse();
        assertThat(login.body())
                .doesNotContain(browser.cookie(AuthCookies.ACCESS).orElseThrow());
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(200);

        HttpApi.Response added = browser.request("POST", "/api/v1/org/members")
                .withCsrf()
                .json(Map.of(
                        "email",
                        "grace-" + slug + "@example.com",
                        "fullName",
                        "Grace Hopper",
                        "role",
                        "analyst",
                        "password",
                        TestAccounts.PASSWORD))
                .send();
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        assertThat(added.json().get("role").asString()).isEqualTo("analyst");
        assertThat(added.json().get("createdAt").isNull()).isFalse();

        HttpApi.Response members =
                browser.request("GET", "/api/v1/org/members?limit=10").send();
        assertThat(members.status()).as(members.toString()).isEqualTo(200);
        assertThat(members.json().get("total").asLong()).isEqualTo(2);
        assertThat(members.json().get("limit").asInt()).isEqualTo(10);
        assertThat(members.json().get("items").get(0).get("role").asString()).isEqualTo("owner");
        assertThat(members.json().get("items").get(1).get("fullName").asString())
                .isEqualTo("Grace Hopper");

        TestAccounts.TokenPair grace = TestAccounts.token(api, "grace-" + slug + "@example.com", TestAccounts.PASSWORD);
        HttpApi.Response graceMe =
                api.request("GET", "/api/v1/me").bearer(grace.accessToken()).send();
        assertThat(graceMe.status()).as(graceMe.toString()).isEqualTo(200);
        assertThat(graceMe.json().get("user").get("role").asString()).isEqualTo("analyst");
        assertThat(graceMe.json().get("org").get("slug").asString()).isEqualTo(slug);

        String oldAccess = browser.cookie(AuthCookies.ACCESS).orElseThrow();
        HttpApi.Response refreshed =
                browser.request("POST", "/api/v1/auth/refresh").withCsrf().send();
        assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
        assertThat(refreshed.json().get("user").get("email").asString()).isEqualTo(email.toLowerCase());
        assertThat(browser.cookie(AuthCookies.ACCESS).orElseThrow()).isNotEqualTo(oldAccess);
        assertThat(browser.request("GET", "/api/v1/me").send().status()).isEqualTo(200);
    }
}
