package io.datamind.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Which requests must carry the CSRF token: state-changing requests the browser could be tricked into sending
 * with the user's cookies, which means any that carry a session cookie, plus login and register (so a forged form
 * cannot sign the victim into the attacker's account). Exempt: requests with {@code Authorization: Bearer} (a
 * cross-site page cannot set that header), the token endpoint (it sets no cookie and answers only to the caller),
 * and requests with no session cookie at all (nothing to ride on; they fail authentication instead).
 */
class CsrfRequirement implements RequestMatcher {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "TRACE", "OPTIONS");

    @Override
    public boolean matches(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        if (AuthTokenResolver.fromHeader(request) != null) {
            return false;
        }
        String path = Paths.of(request);
        if (path.equals(Paths.TOKEN)) {
            return false;
        }
        if (path.equals(Paths.LOGIN) || path.equals(Paths.REGISTER)) {
            return true;
        }
        return AuthCookies.read(request, AuthCookies.ACCESS).isPresent()
                || AuthCookies.read(request, AuthCookies.REFRESH).isPresent();
    }
}
