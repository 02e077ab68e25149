package io.datamind.ratelimit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Test-only additions to a DataMind context: an always-200 API route, and a security chain that lets the auth
 * paths and that route through and signs a request in as the user named in {@code X-Test-User}, so the rate limits
 * can be exercised without the real sign-in. Deliberately not a {@code @Configuration}: component scanning must
 * not put it into other tests' contexts; {@link RunningApp} passes it as a source.
 */
class RateLimitProbe {

    static final String PROBE = "/api/v1/ratelimit-probe";
    static final String LOGIN = "/api/v1/auth/login";
    static final String REGISTER = "/api/v1/auth/register";
    static final String TEST_USER = "X-Test-User";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain rateLimitProbeSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/auth/**", PROBE)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .addFilterBefore(new TestUserFilter(), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
        return http.build();
    }

    @Bean
    RouterFunction<ServerResponse> rateLimitProbeRoute() {
        return RouterFunctions.route()
                .GET(PROBE, request -> ServerResponse.ok().body("ok"))
                .build();
    }

    private static final class TestUserFilter extends OncePerRequestFilter {
        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String user = request.getHeader(TEST_USER);
            if (user != null) {
                SecurityContextHolder.setContext(new SecurityContextImpl(
                        UsernamePasswordAuthenticationToken.authenticated(user, null, List.of())));
            }
            chain.doFilter(request, response);
        }
    }
}
