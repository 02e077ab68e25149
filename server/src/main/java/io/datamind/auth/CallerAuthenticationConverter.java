package io.datamind.auth;

import io.datamind.org.Member;
import io.datamind.org.Members;
import java.util.UUID;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * Turns a verified access token into the caller, reading the member's current role from the database: a demotion
 * or removal takes effect on the next request, not when the token expires.
 */
@Component
class CallerAuthenticationConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final Members members;

    CallerAuthenticationConverter(Members members) {
        this.members = members;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        UUID userId = UUID.fromString(jwt.getSubject());
        UUID orgId = UUID.fromString(jwt.getClaimAsString(Tokens.ORG_ID));
        Member member = members.findIdentity(userId)
                .filter(found -> found.orgId().equals(orgId))
                .orElseThrow(() -> new InvalidBearerTokenException("The account no longer exists"));
        return new CallerAuthentication(new Caller(member.id(), member.orgId(), member.role()), jwt);
    }
}
