package io.datamind.auth;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param accessTokenTtl lifetime of an access token
 * @param refreshTokenTtl lifetime of a refresh token; each rotation issues a new one with this lifetime
 * @param issuer the {@code iss} claim issued and required
 * @param audience the {@code aud} claim issued and required
 * @param clockSkew tolerance when checking {@code exp}, {@code nbf} and {@code iat}
 * @param refreshReuseGrace how long after a rotation the spent refresh token still gets a fresh pair, so two
 *     refreshes racing (two tabs) do not log the user out; after it, reuse revokes the session
 * @param cookieSecure mark the session cookies {@code Secure}; off for the embedded default on plain http, on in
 *     the prod profile
 * @param cookieDomain {@code Domain} of the session and CSRF cookies; empty means the host that served them
 * @param corsOrigins origins allowed to call the API from another origin; empty means same-origin only
 * @param loginThrottle slowing down repeated failed sign-ins
 */
@ConfigurationProperties("datamind.security")
record SecurityProperties(
        @DefaultValue("PT15M") Duration accessTokenTtl,
        @DefaultValue("P7D") Duration refreshTokenTtl,
        @DefaultValue("datamind") String issuer,
        @DefaultValue("datamind") String audience,
        @DefaultValue("30s") Duration clockSkew,
        @DefaultValue("10s") Duration refreshReuseGrace,
        @DefaultValue("false") boolean cookieSecure,
        String cookieDomain,
        @DefaultValue List<String> corsOrigins,
        @DefaultValue LoginThrottle loginThrottle) {

    boolean hasCookieDomain() {
        return cookieDomain != null && !cookieDomain.isBlank();
    }

    /**
     * Failed sign-ins are counted per (email, client IP): after {@code freeFailures} each further failure doubles
     * the wait before that pair may try again, from {@code baseDelay} up to {@code maxDelay}. Keying by IP means an
     * attacker cannot lock the real user out from elsewhere.
     *
     * @param forgetAfter a pair with no failure for this long starts again from zero
     */
    record LoginThrottle(
            @DefaultValue("5") int freeFailures,
            @DefaultValue("1s") Duration baseDelay,
            @DefaultValue("5m") Duration maxDelay,
            @DefaultValue("15m") Duration forgetAfter) {}
}
