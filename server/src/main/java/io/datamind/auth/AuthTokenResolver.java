package io.datamind.auth;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds the access token: the {@code Authorization: Bearer} header first, then the access cookie. Only API paths
 * (and actuator endpoints other than health) are authenticated this way; the auth endpoints read their tokens themselves (logout must work with an expired
 * access token) and public paths ignore a stale cookie instead of failing on it.
 */
class AuthTokenResolver implements BearerTokenResolver {

    private final DefaultBearerTokenResolver header = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        if (!Paths.authenticatedByToken(Paths.of(request))) {
            return null;
        }
        String token = header.resolve(request);
        return token != null
                ? token
                : AuthCookies.read(request, AuthCookies.ACCESS).orElse(null);
    }

    /** The access token in the {@code Authorization} header, if well-formed. */
    static String fromHeader(HttpServletRequest request) {
        String value = request.getHeader("Authorization");
        if (value == null || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return value.substring(7).trim();
    }
}
