package io.datamind.auth;

import io.datamind.common.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.stereotype.Component;

/**
 * The perimeter for WebSockets, which the HTTP filter chain sees only at the handshake: which origins may open one,
 * which access token a handshake carries, and who a token belongs to. A socket stays open for long, so its owner
 * checks the token again for every question: expiry, revocation and the member's current role apply as they do to
 * each HTTP request.
 */
@Component
public class WebSocketPerimeter {

    static final String INVALID_TOKEN = "The access token is invalid, expired or revoked; sign in again";

    private final Tokens tokens;
    private final CallerAuthenticationConverter callers;
    private final List<String> allowedOrigins;

    WebSocketPerimeter(Tokens tokens, CallerAuthenticationConverter callers, SecurityProperties properties) {
        this.tokens = tokens;
        this.callers = callers;
        this.allowedOrigins = properties.corsOrigins().stream()
                .map(origin -> origin.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    /**
     * Whether a handshake may proceed: no {@code Origin} (not a browser, so no ambient cookies to abuse), an origin
     * listed in {@code datamind.security.cors-origins}, or the same host and port as the request's {@code Host}.
     * The scheme is not compared, so a TLS-terminating proxy in front of the server changes nothing.
     */
    public boolean originAllowed(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return true;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowedOrigins.contains(normalized)) {
            return true;
        }
        String host = request.getHeader("Host");
        return host != null && authority(normalized).equals(host.trim().toLowerCase(Locale.ROOT));
    }

    /** The access token of a handshake: the {@code Authorization: Bearer} header, else the session cookie. */
    public Optional<String> handshakeToken(HttpServletRequest request) {
        String header = AuthTokenResolver.fromHeader(request);
        if (header != null && !header.isEmpty()) {
            return Optional.of(header);
        }
        return AuthCookies.read(request, AuthCookies.ACCESS);
    }

    /**
     * The member a genuine, unexpired and unrevoked access token belongs to, with their current role.
     *
     * @throws ApiException a 401 problem otherwise
     */
    public Caller authenticate(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw unauthorized("Sign in to continue");
        }
        try {
            CallerAuthentication authentication = (CallerAuthentication)
                    callers.convert(tokens.accessDecoder().decode(accessToken.trim()));
            return authentication.getPrincipal();
        } catch (JwtException | InvalidBearerTokenException e) {
            throw unauthorized(INVALID_TOKEN);
        }
    }

    private static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", detail);
    }

    /** {@code host:port} of an origin, the port left out when it is the scheme's default, as browsers send Host. */
    private static String authority(String origin) {
        try {
            URI uri = URI.create(origin);
            if (uri.getHost() == null) {
                return "";
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1
                    || (port == 80 && "http".equals(uri.getScheme()))
                    || (port == 443 && "https".equals(uri.getScheme()));
            return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
