package io.datamind.auth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The browser session: an access-token cookie sent with every request and a refresh-token cookie sent only to
 * the auth endpoints. Both HttpOnly (scripts never see a token), SameSite=Lax, and Secure when configured.
 */
@Component
class AuthCookies {

    static final String ACCESS = "datamind_access";
    static final String REFRESH = "datamind_refresh";
    static final String REFRESH_PATH = "/api/v1/auth";

    private final SecurityProperties properties;

    AuthCookies(SecurityProperties properties) {
        this.properties = properties;
    }

    void write(HttpServletResponse response, Sessions.TokenPair pair) {
        Instant now = Instant.now();
        add(
                response,
                ACCESS,
                pair.access().value(),
                "/",
                Duration.between(now, pair.access().expiresAt()));
        add(
                response,
                REFRESH,
                pair.refresh().value(),
                REFRESH_PATH,
                Duration.between(now, pair.refresh().expiresAt()));
    }

    void clear(HttpServletResponse response) {
        add(response, ACCESS, "", "/", Duration.ZERO);
        add(response, REFRESH, "", REFRESH_PATH, Duration.ZERO);
    }

    private void add(HttpServletResponse response, String name, String value, String path, Duration maxAge) {
        ResponseCookie.ResponseCookieBuilder cookie = ResponseCookie.from(name, value)
                .httpOnly(true)
                .secure(properties.cookieSecure())
                .sameSite("Lax")
                .path(path)
                .maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge);
        if (properties.hasCookieDomain()) {
            cookie.domain(properties.cookieDomain());
        }
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.build().toString());
    }

    static Optional<String> read(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isBlank()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }
}
