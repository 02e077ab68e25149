package io.datamind.ratelimit;

import io.datamind.common.web.ClientAddress;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} once a caller has used up its group's limit. Registered after Spring
 * Security's filter chain (see {@link RateLimitConfig}), so a signed-in user is counted by name across addresses,
 * and anyone else by client address. Requests that fail authentication never get here; {@link
 * FailedAuthentications} counts those.
 */
final class RateLimitFilter extends OncePerRequestFilter {

    private static final AuthenticationTrustResolver TRUST = new AuthenticationTrustResolverImpl();

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final TooManyRequests tooMany;

    RateLimitFilter(RateLimiter limiter, ClientAddress clientAddress, TooManyRequests tooMany) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.tooMany = tooMany;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RouteGroup> group = RouteGroups.classify(request);
        if (group.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Decision decision = limiter.tryAcquire(group.get(), caller(request));
        if (tooMany.answer(request, response, decision)) {
            return;
        }
        chain.doFilter(request, response);
    }

    private String caller(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated() && !TRUST.isAnonymous(authentication)) {
            return "user:" + authentication.getName();
        }
        return "ip:" + clientAddress.resolve(request);
    }
}
