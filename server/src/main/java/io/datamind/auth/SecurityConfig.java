package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.common.web.ProblemWriter;
import io.datamind.ratelimit.FailedAuthentications;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * The perimeter: who may call what, how callers prove who they are (a JWT in the Bearer header or the access
 * cookie), CSRF for cookie-authenticated changes, CORS and the security headers on every response.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfig {

    /**
     * Self only, plus what the app really needs: inline styles for the chart library (and Swagger UI), data: and
     * blob: images for charts and exports, and the app's own WebSocket.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data: blob:; connect-src 'self' ws: wss:; frame-ancestors 'none'; base-uri 'self';"
            + " form-action 'self'";

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=()";

    /** owner > admin > analyst > viewer, for {@code hasRole} in URL rules and {@code @PreAuthorize}. */
    @Bean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role("OWNER")
                .implies("ADMIN")
                .role("ADMIN")
                .implies("ANALYST")
                .role("ANALYST")
                .implies("VIEWER")
                .build();
    }

    @Bean
    JwtDecoder accessTokenDecoder(Tokens tokens) {
        return tokens.accessDecoder();
    }

    @Bean
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ProblemWriter problems,
            JwtDecoder accessTokenDecoder,
            CallerAuthenticationConverter callerConverter,
            CookieCsrfTokenRepository csrfTokenRepository,
            SecurityProperties properties,
            ObjectProvider<FailedAuthentications> failedAuthentications)
            throws Exception {
        // Requests turned away here never reach the rate-limit filter behind this chain; a flood of bad tokens is
        // counted per client address instead, and answered 429 past its limit. None when limits are off.
        FailedAuthentications floods = failedAuthentications.getIfAvailable();
        AuthenticationEntryPoint unauthorized = (request, response, e) -> {
            if (floods != null && floods.rejectOverLimit(request, response)) {
                return;
            }
            response.setHeader("WWW-Authenticate", "Bearer");
            problems.write(
                    request,
                    response,
                    new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in to continue"));
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problems.write(
                request,
                response,
                e instanceof CsrfException
                        ? ApiException.forbidden("Missing or invalid CSRF token: send the XSRF-TOKEN cookie's value"
                                + " in the X-XSRF-TOKEN header")
                        : ApiException.forbidden("Your role does not allow this action"));

        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                // Registered by hand, not with http.csrf(): the resource server would exempt from CSRF every
                // request whose token its resolver finds, and ours also finds the cookie.
                .csrf(csrf -> csrf.disable())
                .addFilter(csrfFilter(csrfTokenRepository, forbidden))
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(frame -> frame.deny())
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
                        // Written only on requests that arrived over HTTPS.
                        .httpStrictTransportSecurity(
                                hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)))
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/health", "/api/v1/health/**")
                        .permitAll()
                        .requestMatchers("/api/v1/auth/**")
                        .permitAll()
                        .requestMatchers("/api/v1/me", "/api/v1/me/**")
                        .authenticated()
                        // Viewers change nothing: every state-changing API call needs analyst or above, unless
                        // an endpoint is about the caller's own account (above).
                        .requestMatchers(HttpMethod.POST, "/api/**")
                        .hasRole("ANALYST")
                        .requestMatchers(HttpMethod.PUT, "/api/**")
                        .hasRole("ANALYST")
                        .requestMatchers(HttpMethod.PATCH, "/api/**")
                        .hasRole("ANALYST")
                        .requestMatchers(HttpMethod.DELETE, "/api/**")
                        .hasRole("ANALYST")
                        .requestMatchers("/api/**")
                        .authenticated()
                        .requestMatchers("/actuator/health", "/actuator/health/**")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole("ADMIN")
                        // The chat socket's handshake passes here unauthenticated: the socket checks its origin and
                        // credentials itself (WebSocketPerimeter), so that a browser, which cannot read a refused
                        // handshake's status, gets a 401 error event instead. CSRF does not concern it: frames are
                        // not requests a form can forge, and a foreign Origin is refused at the handshake.
                        .requestMatchers("/ws")
                        .permitAll()
                        // The web app, its assets, the OpenAPI document and Swagger UI.
                        .anyRequest()
                        .permitAll())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenResolver(new AuthTokenResolver())
                        .authenticationEntryPoint(unauthorized)
                        .accessDeniedHandler(forbidden)
                        .jwt(jwt -> jwt.decoder(accessTokenDecoder).jwtAuthenticationConverter(callerConverter)))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
                .addFilterAfter(new CallerMdcFilter(), BearerTokenAuthenticationFilter.class);
        if (properties.corsOrigins().isEmpty()) {
            http.cors(cors -> cors.disable());
        } else {
            http.cors(cors -> cors.configurationSource(corsSource(properties.corsOrigins())));
        }
        return http.build();
    }

    /**
     * Double-submit CSRF protection for the requests {@link CsrfRequirement} selects, configured as {@code
     * csrf.spa()} would be.
     */
    private static CsrfFilter csrfFilter(CookieCsrfTokenRepository repository, AccessDeniedHandler forbidden) {
        CsrfFilter filter = new CsrfFilter(repository);
        filter.setRequireCsrfProtectionMatcher(new CsrfRequirement());
        filter.setRequestHandler(new SpaCsrfTokenRequestHandler());
        filter.setAccessDeniedHandler(forbidden);
        return filter;
    }

    /**
     * The double-submit cookie the web app reads ({@code XSRF-TOKEN}, not HttpOnly) and echoes in {@code
     * X-XSRF-TOKEN}. With the SPA handler the token is loaded on every request, so any response (for example
     * {@code GET /api/v1/auth/csrf} or {@code GET /api/v1/me}) sets the cookie when the browser has none.
     */
    @Bean
    CookieCsrfTokenRepository csrfTokenRepository(SecurityProperties properties) {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax").secure(properties.cookieSecure());
            if (properties.hasCookieDomain()) {
                cookie.domain(properties.cookieDomain());
            }
        });
        return repository;
    }

    private static UrlBasedCorsConfigurationSource corsSource(List<String> origins) {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(origins);
        cors.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
        cors.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-XSRF-TOKEN", "X-Request-ID"));
        cors.setExposedHeaders(List.of("X-Request-ID", "Retry-After"));
        cors.setAllowCredentials(true);
        cors.setMaxAge(3600L);
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/api/**", cors);
        return source;
    }
}
