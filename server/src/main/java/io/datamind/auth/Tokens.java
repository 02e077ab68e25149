package io.datamind.auth;

import io.datamind.org.Member;
import io.datamind.org.Role;
import io.datamind.secrets.AppSecrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies the two kinds of JWT. Access and refresh tokens are signed with different keys, HS256 only
 * (the decoders accept no other algorithm, so {@code none}, RS256 or a {@code kid}/{@code jku} header change
 * nothing), and every claim is checked: {@code iss}, {@code aud}, {@code exp}, {@code nbf}, {@code iat}, {@code
 * typ}, and the presence and shape of {@code sub}, {@code jti}, {@code org_id}, {@code role} and {@code sid} (the
 * session family).
 */
@Component
class Tokens {

    static final String ACCESS = "access";
    static final String REFRESH = "refresh";
    static final String ORG_ID = "org_id";
    static final String ROLE = "role";
    static final String TYPE = "typ";
    static final String SESSION_ID = "sid";

    private final SecurityProperties properties;
    private final JwtEncoder accessEncoder;
    private final JwtEncoder refreshEncoder;
    private final JwtDecoder accessDecoder;
    private final JwtDecoder accessDecoderIgnoringRevocation;
    private final JwtDecoder refreshDecoder;
    private final Clock clock = Clock.systemUTC();

    Tokens(AppSecrets secrets, SecurityProperties properties, RevocationStore revocations) {
        this.properties = properties;
        SecretKey accessKey = new SecretKeySpec(secrets.jwtAccessKey(), "HmacSHA256");
        SecretKey refreshKey = new SecretKeySpec(secrets.jwtRefreshKey(), "HmacSHA256");
        this.accessEncoder = NimbusJwtEncoder.withSecretKey(accessKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
        this.refreshEncoder = NimbusJwtEncoder.withSecretKey(refreshKey)
                .algorithm(MacAlgorithm.HS256)
                .build();
        OAuth2TokenValidator<Jwt> notRevoked = jwt ->
                revocations.isRevoked(UUID.fromString(jwt.getId()), UUID.fromString(jwt.getClaimAsString(SESSION_ID)))
                        ? failure("The token has been revoked")
                        : OAuth2TokenValidatorResult.success();
        this.accessDecoder = decoder(accessKey, ACCESS, notRevoked);
        this.accessDecoderIgnoringRevocation = decoder(accessKey, ACCESS, null);
        this.refreshDecoder = decoder(refreshKey, REFRESH, null);
    }

    /** Verifies access tokens for the resource server, revocation included. */
    JwtDecoder accessDecoder() {
        return accessDecoder;
    }

    /** An access token's claims if it is genuine and unexpired, revoked or not (logout revokes it). */
    Jwt decodeAccessForLogout(String token) throws JwtException {
        return accessDecoderIgnoringRevocation.decode(token);
    }

    Jwt decodeRefresh(String token) throws JwtException {
        return refreshDecoder.decode(token);
    }

    IssuedToken issue(String type, Member member, UUID sessionId, Instant now) {
        Duration lifetime = ACCESS.equals(type) ? properties.accessTokenTtl() : properties.refreshTokenTtl();
        UUID jti = UUID.randomUUID();
        Instant expiresAt = now.plus(lifetime);
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(properties.issuer())
                .audience(List.of(properties.audience()))
                .subject(member.id().toString())
                .id(jti.toString())
                .issuedAt(now)
                .notBefore(now)
                .expiresAt(expiresAt)
                .claim(ORG_ID, member.orgId().toString())
                .claim(ROLE, member.role().value())
                .claim(TYPE, type)
                .claim(SESSION_ID, sessionId.toString())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).type("JWT").build();
        JwtEncoder encoder = ACCESS.equals(type) ? accessEncoder : refreshEncoder;
        String value = encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
        return new IssuedToken(value, jti, expiresAt);
    }

    private NimbusJwtDecoder decoder(SecretKey key, String type, OAuth2TokenValidator<Jwt> last) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key)
                .macAlgorithm(MacAlgorithm.HS256)
                .build();
        Duration skew = properties.clockSkew();
        List<OAuth2TokenValidator<Jwt>> checks = new java.util.ArrayList<>(List.of(
                new JwtTimestampValidator(skew),
                jwt -> jwt.getIssuedAt() != null
                                && jwt.getExpiresAt() != null
                                && !jwt.getIssuedAt().isAfter(clock.instant().plus(skew))
                        ? OAuth2TokenValidatorResult.success()
                        : failure("iat and exp are required and iat must not be in the future"),
                new JwtIssuerValidator(properties.issuer()),
                claim(
                        "aud",
                        "The token is not for this audience",
                        jwt -> jwt.getAudience() != null && jwt.getAudience().contains(properties.audience())),
                claim(TYPE, "The token is not an " + type + " token", jwt -> type.equals(jwt.getClaimAsString(TYPE))),
                claim("sub", "sub must be a user id", jwt -> isUuid(jwt.getSubject())),
                claim("jti", "jti must be a token id", jwt -> isUuid(jwt.getId())),
                claim(ORG_ID, "org_id must be an organization id", jwt -> isUuid(jwt.getClaimAsString(ORG_ID))),
                claim(SESSION_ID, "sid must be a session id", jwt -> isUuid(jwt.getClaimAsString(SESSION_ID))),
                claim(ROLE, "role must be a known role", jwt -> isRole(jwt.getClaimAsString(ROLE)))));
        if (last != null) {
            checks.add(last);
        }
        decoder.setJwtValidator(new FirstFailure(checks));
        return decoder;
    }

    private static OAuth2TokenValidator<Jwt> claim(String name, String message, Predicate<Jwt> test) {
        return jwt -> {
            try {
                return test.test(jwt) ? OAuth2TokenValidatorResult.success() : failure(message);
            } catch (RuntimeException malformed) {
                return failure(name + " is malformed");
            }
        };
    }

    private static OAuth2TokenValidatorResult failure(String message) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, message, null));
    }

    private static boolean isUuid(String value) {
        if (value == null) {
            return false;
        }
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean isRole(String value) {
        try {
            return value != null && Role.fromValue(value) != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Stops at the first failing check, so the revocation look-up runs only for an otherwise valid token. */
    private record FirstFailure(List<OAuth2TokenValidator<Jwt>> checks) implements OAuth2TokenValidator<Jwt> {
        @Override
        public OAuth2TokenValidatorResult validate(Jwt jwt) {
            for (OAuth2TokenValidator<Jwt> check : checks) {
                OAuth2TokenValidatorResult result = check.validate(jwt);
                if (result.hasErrors()) {
                    return result;
                }
            }
            return OAuth2TokenValidatorResult.success();
        }
    }

    record IssuedToken(String value, UUID jti, Instant expiresAt) {}
}
