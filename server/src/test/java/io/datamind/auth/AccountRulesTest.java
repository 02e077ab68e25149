package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Registration, membership and password rules, and that changes to them take effect at once. */
@IntegrationTest
class AccountRulesTest {

    @LocalServerPort
    int port;

    HttpApi api;
    TestAccounts.Account owner;
    String ownerToken;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
        owner = TestAccounts.registerOwner(api);
        ownerToken = TestAccounts.token(api, owner).accessToken();
    }

    @Test
    void duplicateEmailOrSlugIsAConflictNamingTheField() {
        String slug = owner.email().substring(0, owner.email().indexOf('@'));
        HttpApi.Response both = register(owner.email().toUpperCase(), slug);
        assertThat(both.status()).isEqualTo(409);
        assertThat(fields(both)).containsExactlyInAnyOrder("email", "orgSlug");

        HttpApi.Response email = register(owner.email(), TestAccounts.unique("free"));
        assertThat(email.status()).isEqualTo(409);
        assertThat(fields(email)).containsExactly("email");

        HttpApi.Response orgSlug = register(TestAccounts.unique("free") + "@example.com", slug);
        assertThat(orgSlug.status()).isEqualTo(409);
        assertThat(fields(orgSlug)).containsExactly("orgSlug");
        assertThat(orgSlug.header("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }

    @Test
    void registrationValidatesItsFields() {
        for (String badSlug : List.of("ab", "Has-Upper", "under_score", "x".repeat(41), "spa ce")) {
            HttpApi.Response response = register(TestAccounts.unique("v") + "@example.com", badSlug);
            assertThat(response.status()).as(badSlug).isEqualTo(400);
            assertThat(fields(response)).as(badSlug).containsExactly("orgSlug");
        }
        HttpApi.Response badEmail = register("not-an-email", TestAccounts.unique("v"));
        assertThat(badEmail.status()).isEqualTo(400);
        assertThat(fields(badEmail)).containsExactly("email");

        HttpApi.Browser browser = api.browser();
        HttpApi.Response common = browser.request("POST", "/api/v1/auth/register")
                .withCsrf()
                .json(Map.of(
                        "email", TestAccounts.unique("v") + "@example.com",
                        "password", "iloveyou",
                        "fullName", "V",
                        "orgName", "V",
                        "orgSlug", TestAccounts.unique("v")))
                .send();
        assertThat(common.status()).isEqualTo(400);
        assertThat(fields(common)).containsExactly("password");
    }

    @Test
    void addingMembersFollowsTheRules() {
        HttpApi.Response duplicate = addMember(owner.email(), "viewer", TestAccounts.PASSWORD);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(fields(duplicate)).containsExactly("email");

        HttpApi.Response asOwner = addMember(TestAccounts.unique("o") + "@example.com", "owner", TestAccounts.PASSWORD);
        assertThat(asOwner.status()).isEqualTo(400);
        assertThat(fields(asOwner)).containsExactly("role");

        HttpApi.Response weak = addMember(TestAccounts.unique("w") + "@example.com", "viewer", "password1");
        assertThat(weak.status()).isEqualTo(400);
        assertThat(fields(weak)).containsExactly("password");

        HttpApi.Response unknownRole =
                addMember(TestAccounts.unique("r") + "@example.com", "root", TestAccounts.PASSWORD);
        assertThat(unknownRole.status()).isEqualTo(400);
    }

    @Test
    void ownershipTransferKeepsExactlyOneOwner() {
        TestAccounts.Account admin = TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin");
        String adminToken = TestAccounts.token(api, admin).accessToken();

        HttpApi.Response ownSelf = patchRole(ownerToken, owner.userId().toString(), "admin");
        assertThat(ownSelf.status()).as("the owner cannot just step down").isEqualTo(409);

        HttpApi.Response transfer = patchRole(ownerToken, admin.userId().toString(), "owner");
        assertThat(transfer.status()).as(transfer.toString()).isEqualTo(200);
        assertThat(transfer.json().get("role").asString()).isEqualTo("owner");

        // Roles come from the database on every request: both tokens see the change at once.
        assertThat(role(adminToken)).isEqualTo("owner");
        assertThat(role(ownerToken)).isEqualTo("admin");
        JsonNode members = api.request("GET", "/api/v1/org/members")
                .bearer(adminToken)
                .send()
                .json();
        long owners = 0;
        for (JsonNode member : members.get("items")) {
            owners += member.get("role").asString().equals("owner") ? 1 : 0;
        }
        assertThat(owners).isEqualTo(1);
        assertThat(patchRole(ownerToken, admin.userId().toString(), "viewer").status())
                .as("the former owner, now admin, cannot demote the owner")
                .isEqualTo(409);
    }

    @Test
    void concurrentTransfersNeverLeaveTwoOwners() throws Exception {
        List<TestAccounts.Account> admins = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            admins.add(TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin"));
        }
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (TestAccounts.Account admin : admins) {
                Callable<Integer> transfer =
                        () -> patchRole(ownerToken, admin.userId().toString(), "owner")
                                .status();
                results.add(pool.submit(transfer));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isIn(200, 403);
            }
        } finally {
            pool.shutdown();
        }
        JsonNode members = api.request("GET", "/api/v1/org/members")
                .bearer(TestAccounts.token(api, admins.get(0)).accessToken())
                .send()
                .json();
        long owners = 0;
        for (JsonNode member : members.get("items")) {
            owners += member.get("role").asString().equals("owner") ? 1 : 0;
        }
        assertThat(owners).isEqualTo(1);
    }

    @Test
    void demotionAndRemovalTakeEffectAtOnce() {
        TestAccounts.Account admin = TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin");
        TestAccounts.TokenPair adminTokens = TestAccounts.token(api, admin);
        assertThat(addMember(adminTokens.accessToken(), TestAccounts.unique("x") + "@example.com")
                        .status())
                .isEqualTo(201);

        assertThat(patchRole(ownerToken, admin.userId().toString(), "viewer").status())
                .isEqualTo(200);
        assertThat(addMember(adminTokens.accessToken(), TestAccounts.unique("x") + "@example.com")
                        .status())
                .as("demoted: the same token no longer manages members")
                .isEqualTo(403);

        HttpApi.Response removed = api.request("DELETE", "/api/v1/org/members/" + admin.userId())
                .bearer(ownerToken)
                .send();
        assertThat(removed.status()).isEqualTo(204);
        assertThat(role(adminTokens.accessToken()))
                .as("removed: the token is dead")
                .isNull();
        HttpApi.Response refresh = api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", adminTokens.refreshToken()))
                .send();
        assertThat(refresh.status()).isEqualTo(401);
        assertThat(api.request("POST", "/api/v1/auth/token")
                        .json(Map.of("email", admin.email(), "password", admin.password()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.request("DELETE", "/api/v1/org/members/" + owner.userId())
                        .bearer(ownerToken)
                        .send()
                        .status())
                .as("nobody removes the owner, not even the owner")
                .isEqualTo(409);
    }

    @Test
    void changingThePasswordEndsTheOtherSessions() {
        HttpApi.Browser here = api.browser();
        assertThat(here.request("POST", "/api/v1/auth/login")
                        .withCsrf()
                        .json(Map.of("email", owner.email(), "password", owner.password()))
                        .send()
                        .status())
                .isEqualTo(200);
        TestAccounts.TokenPair elsewhere = TestAccounts.token(api, owner);

        HttpApi.Response wrongCurrent = here.request("POST", "/api/v1/me/password")
                .withCsrf()
                .json(Map.of("currentPassword", "not-my-password", "newPassword", "a brand new passphrase"))
                .send();
        assertThat(wrongCurrent.status()).isEqualTo(400);
        assertThat(fields(wrongCurrent)).containsExactly("currentPassword");

        HttpApi.Response common = here.request("POST", "/api/v1/me/password")
                .withCsrf()
                .json(Map.of("currentPassword", owner.password(), "newPassword", "superman"))
                .send();
        assertThat(common.status()).isEqualTo(400);
        assertThat(fields(common)).containsExactly("newPassword");

        HttpApi.Response changed = here.request("POST", "/api/v1/me/password")
                .withCsrf()
                .json(Map.of("currentPassword", owner.password(), "newPassword", "a brand new passphrase"))
                .send();
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);

        assertThat(here.request("GET", "/api/v1/me").send().status())
                .as("this session goes on")
                .isEqualTo(200);
        assertThat(here.request("POST", "/api/v1/auth/refresh")
                        .withCsrf()
                        .send()
                        .status())
                .isEqualTo(200);
        assertThat(role(elsewhere.accessToken()))
                .as("other sessions end at once")
                .isNull();
        assertThat(role(ownerToken)).isNull();
        assertThat(api.request("POST", "/api/v1/auth/refresh")
                        .json(Map.of("refreshToken", elsewhere.refreshToken()))
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(api.request("POST", "/api/v1/auth/token")
                        .json(Map.of("email", owner.email(), "password", owner.password()))
                        .send()
                        .status())
                .isEqualTo(401);
        TestAccounts.token(api, owner.email(), "a brand new passphrase");
    }

    @Test
    void racingRefreshesOfOneTokenBothSucceed() throws Exception {
        TestAccounts.TokenPair pair = TestAccounts.token(api, owner);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<HttpApi.Response> refresh = () -> api.request("POST", "/api/v1/auth/refresh")
                    .json(Map.of("refreshToken", pair.refreshToken()))
                    .send();
            Future<HttpApi.Response> first = pool.submit(refresh);
            Future<HttpApi.Response> second = pool.submit(refresh);
            HttpApi.Response one = first.get();
            HttpApi.Response two = second.get();
            assertThat(one.status()).as(one.toString()).isEqualTo(200);
            assertThat(two.status()).as(two.toString()).isEqualTo(200);
            for (HttpApi.Response response : List.of(one, two)) {
                assertThat(role(response.json().get("accessToken").asString())).isEqualTo("owner");
            }
            // A third try right after, still within the grace window, is also the same user racing.
            assertThat(api.request("POST", "/api/v1/auth/refresh")
                            .json(Map.of("refreshToken", pair.refreshToken()))
                            .send()
                            .status())
                    .isEqualTo(200);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void twoTabsRefreshingTheCookieAtOnceStaySignedIn() throws Exception {
        HttpApi.Browser tab = api.browser();
        assertThat(tab.request("POST", "/api/v1/auth/login")
                        .withCsrf()
                        .json(Map.of("email", owner.email(), "password", owner.password()))
                        .send()
                        .status())
                .isEqualTo(200);
        String refreshCookie = tab.cookie(AuthCookies.REFRESH).orElseThrow();
        String csrf = tab.cookie("XSRF-TOKEN").orElseThrow();
        String cookies = AuthCookies.REFRESH + "=" + refreshCookie + "; XSRF-TOKEN=" + csrf;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> refresh = () -> api.request("POST", "/api/v1/auth/refresh")
                    .header("Cookie", cookies)
                    .header("X-XSRF-TOKEN", csrf)
                    .send()
                    .status();
            Future<Integer> first = pool.submit(refresh);
            Future<Integer> second = pool.submit(refresh);
            assertThat(first.get()).isEqualTo(200);
            assertThat(second.get()).isEqualTo(200);
        } finally {
            pool.shutdown();
        }
    }

    private HttpApi.Response register(String email, String slug) {
        return api.browser()
                .request("POST", "/api/v1/auth/register")
                .withCsrf()
                .json(Map.of(
                        "email",
                        email,
                        "password",
                        TestAccounts.PASSWORD,
                        "fullName",
                        "Someone",
                        "orgName",
                        "Some org",
                        "orgSlug",
                        slug))
                .send();
    }

    private HttpApi.Response addMember(String email, String role, String password) {
        return api.request("POST", "/api/v1/org/members")
                .bearer(ownerToken)
                .json(Map.of("email", email, "fullName", "Someone", "role", role, "password", password))
                .send();
    }

    private HttpApi.Response addMember(String token, String email) {
        return api.request("POST", "/api/v1/org/members")
                .bearer(token)
                .json(Map.of(
                        "email", email, "fullName", "Someone", "role", "viewer", "password", TestAccounts.PASSWORD))
                .send();
    }

    private HttpApi.Response patchRole(String token, String id, String role) {
        return api.request("PATCH", "/api/v1/org/members/" + id)
                .bearer(token)
                .json(Map.of("role", role))
                .send();
    }

    /** The caller's role per GET /me, or null when the token is refused. */
    private String role(String token) {
        HttpApi.Response me = api.request("GET", "/api/v1/me").bearer(token).send();
        return me.status() == 200 ? me.json().get("user").get("role").asString() : null;
    }

    private static List<String> fields(HttpApi.Response response) {
        List<String> fields = new ArrayList<>();
        JsonNode errors = response.json().get("errors");
        if (errors != null) {
            errors.forEach(error -> fields.add(error.get("field").asString()));
        }
        return fields;
    }
}
