package io.datamind.auth;

import io.datamind.org.Member;
import io.datamind.org.Organization;
import io.datamind.org.Role;
import java.time.Instant;
import java.util.UUID;

/** What the account endpoints return. */
final class AccountViews {

    private AccountViews() {}

    record UserView(UUID id, String email, String fullName, Role role) {
        static UserView of(Member member) {
            return new UserView(member.id(), member.email(), member.fullName(), member.role());
        }
    }

    record OrgView(UUID id, String name, String slug) {
        static OrgView of(Organization organization) {
            return new OrgView(organization.id(), organization.name(), organization.slug());
        }
    }

    /** The signed-in user and their organization. */
    record AccountView(UserView user, OrgView org) {}

    /** A browser sign-in: the tokens are in the cookies, never in the body. */
    record SessionView(UserView user, OrgView org, long expiresIn) {}

    /** An API-client sign-in; {@code expiresIn} is the access token's lifetime in seconds. */
    record TokenView(String accessToken, String refreshToken, String tokenType, long expiresIn) {}

    record MemberView(UUID id, String email, String fullName, Role role, Instant createdAt) {
        static MemberView of(Member member) {
            return new MemberView(member.id(), member.email(), member.fullName(), member.role(), member.createdAt());
        }
    }
}
