package io.datamind.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Creates organizations and members through the real API. */
public final class TestAccounts {

    /** Long, uncommon, and so accepted by the password policy. */
    public static final String PASSWORD = "violet-harbour-canoe-42";

    private TestAccounts() {}

    public record Account(UUID userId, UUID orgId, String email, String password, String fullName, String role) {}

    public record TokenPair(String accessToken, String refreshToken) {}

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Registers a new organization and its owner (the way the web app does: CSRF cookie first). */
    public static Account registerOwner(HttpApi api) {
        String slug = unique("org");
        String email = slug + "@example.com";
        HttpApi.Browser browser = api.browser();
        HttpApi.Response response = browser.request("POST", "/api/v1/auth/register")
                .withCsrf()
                .json(Map.of(
                        "email", email,
                        "password", PASSWORD,
                        "fullName", "Owner " + slug,
                        "orgName", "Org " + slug,
                        "orgSlug", slug))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode body = response.json();
        return new Account(
                UUID.fromString(body.get("user").get("id").asString()),
                UUID.fromString(body.get("org").get("id").asString()),
                email,
                PASSWORD,
                "Owner " + slug,
                "owner");
    }

    public static TokenPair token(HttpApi api, String email, String password) {
        HttpApi.Response response = api.request("POST", "/api/v1/auth/token")
                .json(Map.of("email", email, "password", password))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return new TokenPair(
                response.json().get("accessToken").asString(),
                response.json().get("refreshToken").asString());
    }

    public static TokenPair token(HttpApi api, Account account) {
        return token(api, account.email(), account.password());
    }

    /** Adds a member with the given role to the organization of {@code adminToken}'s user. */
    public static Account addMember(HttpApi api, String adminToken, UUID orgId, String role) {
        return addMember(api, adminToken, orgId, role, unique(role) + "@example.com");
    }

    public static Account addMember(HttpApi api, String adminToken, UUID orgId, String role, String email) {
        HttpApi.Response response = api.request("POST", "/api/v1/org/members")
                .bearer(adminToken)
                .json(Map.of("email", email, "fullName", "Member " + email, "role", role, "password", PASSWORD))
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Account(
                UUID.fromString(response.json().get("id").asString()), orgId, email, PASSWORD, "Member " + email, role);
    }
}
