package io.datamind.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.HttpApi;
import io.datamind.support.IntegrationTest;
import io.datamind.support.TestAccounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Each security event leaves one entry with who, what, from where; admins read their own organization's log. */
@IntegrationTest
class AuditLogTest {

    private static final String AGENT = "AuditLogTest/1.0";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void everySecurityEventIsRecorded() throws InterruptedException {
        // Login success (cookie) and failure, with a known request id and user agent.
        HttpApi.Browser browser = api.browser();
        HttpApi.Response login = browser.request("POST", "/api/v1/auth/login")
                .withCsrf()
                .header("User-Agent", AGENT)
                .header("X-Request-ID", "login-req-1")
                .json(Map.of("email", owner.email(), "password", owner.password()))
                .send();
        assertThat(login.status()).isEqualTo(200);
        api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", owner.email(), "password", "wrong-password-here"))
                .send();

        // Members: added, role changed, removed; ownership transferred.
        TestAccounts.Account member = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        patch(member.userId(), "analyst");
        TestAccounts.Account heir = TestAccounts.addMember(api, ownerToken, owner.orgId(), "admin");
        patch(heir.userId(), "owner");
        String heirToken = TestAccounts.token(api, heir).accessToken();
        assertThat(api.request("DELETE", "/api/v1/org/members/" + member.userId())
                        .bearer(heirToken)
                        .send()
                        .status())
                .isEqualTo(204);

        // Password change, refresh-token reuse, logout.
        HttpApi.Response changed = browser.request("POST", "/api/v1/me/password")
                .withCsrf()
                .json(Map.of("currentPassword", owner.password(), "newPassword", "another long passphrase"))
                .send();
        assertThat(changed.status()).isEqualTo(204);
        TestAccounts.TokenPair pair = TestAccounts.token(api, owner.email(), "another long passphrase");
        assertThat(refresh(pair.refreshToken()).status()).isEqualTo(200);
        Thread.sleep(2_500);
        assertThat(refresh(pair.refreshToken()).status()).isEqualTo(401);
        assertThat(browser.request("POST", "/api/v1/auth/logout")
                        .withCsrf()
                        .send()
                        .status())
                .isEqualTo(204);

        JsonNode page = audit(heirToken, "?limit=200");
        List<String> actions = new ArrayList<>();
        page.get("items").forEach(item -> actions.add(item.get("action").asString()));
        assertThat(actions)
                .contains(
                        "auth.register",
                        "auth.login.success",
                        "auth.login.failure",
                        "org.member.added",
                        "org.member.role_changed",
                        "org.ownership.transferred",
                        "org.member.removed",
                        "auth.password.changed",
                        "auth.refresh.reuse_detected",
                        "auth.logout");

        JsonNode register = only(page, "auth.register");
        assertThat(register.get("userId").asString()).isEqualTo(owner.userId().toString());
        assertThat(register.get("userEmail").asString()).isEqualTo(owner.email());
        assertThat(register.get("targetType").asString()).isEqualTo("organization");
        assertThat(register.get("targetId").asString()).isEqualTo(owner.orgId().toString());

        JsonNode cookieLogin = find(
                page, "auth.login.success", e -> e.get("requestId").asString("").equals("login-req-1"));
        assertThat(cookieLogin.get("ip").asString()).isEqualTo("127.0.0.1");
        assertThat(cookieLogin.get("userAgent").asString()).isEqualTo(AGENT);
        assertThat(cookieLogin.get("details").get("via").asString()).isEqualTo("cookie");

        JsonNode failure = only(page, "auth.login.failure");
        assertThat(failure.get("userId").asString()).isEqualTo(owner.userId().toString());
        assertThat(failure.get("details").get("reason").asString()).isEqualTo("bad_credentials");

        JsonNode removed = only(page, "org.member.removed");
        assertThat(removed.get("userId").asString())
                .as("the actor")
                .isEqualTo(heir.userId().toString());
        assertThat(removed.get("targetId").asString()).isEqualTo(member.userId().toString());
        assertThat(removed.get("details").get("email").asString()).isEqualTo(member.email());

        JsonNode roleChanged = find(
                page,
                "org.member.role_changed",
                e -> e.get("targetId").asString().equals(member.userId().toString()));
        assertThat(roleChanged.get("details").get("from").asString()).isEqualTo("viewer");
        assertThat(roleChanged.get("details").get("to").asString()).isEqualTo("analyst");

        assertThat(only(page, "auth.password.changed")
                        .get("details")
                        .get("endedSessions")
                        .asInt())
                .isGreaterThanOrEqualTo(1);
        assertThat(only(page, "auth.refresh.reuse_detected").get("targetType").asString())
                .isEqualTo("session");

        // Newest first.
        List<Instant> times = new ArrayList<>();
        page.get("items")
                .forEach(item -> times.add(Instant.parse(item.get("createdAt").asString())));
        assertThat(times).isSortedAccordingTo((x, y) -> y.compareTo(x));
    }

    @Test
    void aFailedSignInWithAnUnknownEmailIsRecordedWithoutAnOrganization() {
        String nobody = TestAccounts.unique("nobody") + "@example.com";
        api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", nobody, "password", "whatever-it-is"))
                .send();
        long entries = jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'auth.login.failure'"
                        + " AND org_id IS NULL AND details LIKE :email")
                .param("email", "%" + nobody + "%")
                .query(Long.class)
                .single();
        assertThat(entries).isEqualTo(1);
    }

    @Test
    void filtersAndPaginationWork() {
        TestAccounts.Account member = TestAccounts.addMember(api, ownerToken, owner.orgId(), "viewer");
        TestAccounts.token(api, member);

        JsonNode added = audit(ownerToken, "?action=org.member.added");
        assertThat(added.get("total").asLong()).isEqualTo(1);
        assertThat(added.get("items").get(0).get("targetId").asString())
                .isEqualTo(member.userId().toString());

        JsonNode byMember = audit(ownerToken, "?userId=" + member.userId());
        assertThat(byMember.get("items")).isNotEmpty();
        byMember.get("items")
                .forEach(item -> assertThat(item.get("userId").asString())
                        .isEqualTo(member.userId().toString()));

        Instant future = Instant.now().plusSeconds(3600);
        assertThat(audit(ownerToken, "?from=" + future).get("total").asLong()).isZero();
        assertThat(audit(ownerToken, "?to=" + Instant.now().minusSeconds(3600))
                        .get("total")
                        .asLong())
                .isZero();
        long total = audit(ownerToken, "").get("total").asLong();
        assertThat(total).isGreaterThanOrEqualTo(4);
        JsonNode firstTwo = audit(ownerToken, "?limit=2");
        assertThat(firstTwo.get("items")).hasSize(2);
        assertThat(firstTwo.get("total").asLong()).isEqualTo(total);
        JsonNode next = audit(ownerToken, "?limit=2&offset=2");
        assertThat(next.get("items").get(0).get("id").asString())
                .isNotEqualTo(firstTwo.get("items").get(1).get("id").asString());

        HttpApi.Response badRange = api.request("GET", "/api/v1/audit?from=" + future + "&to=" + Instant.now())
                .bearer(ownerToken)
                .send();
        assertThat(badRange.status()).isEqualTo(400);
        assertThat(api.request("GET", "/api/v1/audit?userId=not-a-uuid")
                        .bearer(ownerToken)
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void eachOrganizationSeesOnlyItsOwnLog() {
        TestAccounts.Account other = TestAccounts.registerOwner(api);
        String otherToken = TestAccounts.token(api, other).accessToken();
        JsonNode theirs = audit(otherToken, "?limit=200");
        theirs.get("items")
                .forEach(item -> assertThat(item.get("userId").asString())
                        .isNotEqualTo(owner.userId().toString()));
        assertThat(audit(otherToken, "?userId=" + owner.userId()).get("total").asLong())
                .isZero();
    }

    private void patch(UUID memberId, String role) {
        HttpApi.Response response = api.request("PATCH", "/api/v1/org/members/" + memberId)
                .bearer(ownerToken)
                .json(Map.of("role", role))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private HttpApi.Response refresh(String refreshToken) {
        return api.request("POST", "/api/v1/auth/refresh")
                .json(Map.of("refreshToken", refreshToken))
                .send();
    }

    private JsonNode audit(String token, String query) {
        HttpApi.Response response =
                api.request("GET", "/api/v1/audit" + query).bearer(token).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private static JsonNode only(JsonNode page, String action) {
        List<JsonNode> matches = new ArrayList<>();
        page.get("items").forEach(item -> {
            if (item.get("action").asString().equals(action)) {
                matches.add(item);
            }
        });
        assertThat(matches).as(action).hasSize(1);
        return matches.get(0);
    }

    private static JsonNode find(JsonNode page, String action, java.util.function.Predicate<JsonNode> test) {
        for (JsonNode item : page.get("items")) {
            if (item.get("action").asString().equals(action) && test.test(item)) {
                return item;
            }
        }
        throw new AssertionError("no " + action + " entry matching in " + page);
    }
}
