package io.datamind.auth;

import io.datamind.auth.AccountViews.AccountView;
import io.datamind.auth.AccountViews.OrgView;
import io.datamind.auth.AccountViews.SessionView;
import io.datamind.auth.AccountViews.TokenView;
import io.datamind.auth.AccountViews.UserView;
import io.datamind.common.ApiException;
import io.datamind.common.web.ProblemWriter;
import io.datamind.org.Member;
import io.datamind.org.NewOrganization;
import io.datamind.org.Organizations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Auth")
class AuthController {

    private final Registration registration;
    private final SignIn signIn;
    private final Sessions sessions;
    private final Organizations organizations;
    private final AuthCookies cookies;
    private final ApplicationEventPublisher events;
    private final long accessSeconds;

    AuthController(
            Registration registration,
            SignIn signIn,
            Sessions sessions,
            Organizations organizations,
            AuthCookies cookies,
            ApplicationEventPublisher events,
            SecurityProperties properties) {
        this.registration = registration;
        this.signIn = signIn;
        this.sessions = sessions;
        this.organizations = organizations;
        this.cookies = cookies;
        this.events = events;
        this.accessSeconds = properties.accessTokenTtl().toSeconds();
    }

    @PostMapping("/register")
    @Operation(summary = "Create an organization and its owner, and sign the owner in (cookies)")
    ResponseEntity<AccountView> register(@Valid @RequestBody RegisterRequest request, HttpServletResponse response) {
        NewOrganization created = registration.register(
                request.email(), request.password(), request.fullName(), request.orgName(), request.orgSlug());
        cookies.write(response, sessions.start(created.owner()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new AccountView(UserView.of(created.owner()), OrgView.of(created.organization())));
    }

    @PostMapping("/login")
    @Operation(summary = "Sign in a browser: sets the session cookies; tokens are never in the body")
    SessionView login(@Valid @RequestBody LoginRequest request, HttpServletRequest http, HttpServletResponse response) {
        Member member = signIn.authenticate(request.email(), request.password(), ClientInfo.ip(http), "cookie");
        Sessions.TokenPair pair = sessions.start(member);
        cookies.write(response, pair);
        return sessionView(pair);
    }

    @PostMapping("/token")
    @Operation(summary = "Sign in an API client: returns a Bearer access token and a refresh token, no cookies")
    TokenView token(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        Member member = signIn.authenticate(request.email(), request.password(), ClientInfo.ip(http), "token");
        return tokenView(sessions.start(member));
    }

    @PostMapping("/refresh")
    @Operation(
            summary = "Rotate the refresh token",
            description = "With {refreshToken} in the body: returns a new token pair. Otherwise uses the refresh"
                    + " cookie and answers like login (new cookies, {user, org, expiresIn}). A spent refresh token"
                    + " presented again ends the whole session.")
    ResponseEntity<Object> refresh(
            @RequestBody(required = false) RefreshRequest request,
            HttpServletRequest http,
            HttpServletResponse response) {
        if (request != null
                && request.refreshToken() != null
                && !request.refreshToken().isBlank()) {
            return ResponseEntity.ok(tokenView(sessions.refresh(request.refreshToken())));
        }
        // A request with a Bearer header is exempt from CSRF, so it must not fall back to the session cookie.
        String cookie = (AuthTokenResolver.fromHeader(http) == null
                        ? AuthCookies.read(http, AuthCookies.REFRESH)
                        : java.util.Optional.<String>empty())
                .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in to continue"));
        Sessions.TokenPair pair;
        try {
            pair = sessions.refresh(cookie);
        } catch (ApiException e) {
            cookies.clear(response);
            throw e;
        }
        cookies.write(response, pair);
        return ResponseEntity.ok(sessionView(pair));
    }

    @PostMapping("/logout")
    @Operation(summary = "End the session: revokes the access token and its session, clears the cookies")
    ResponseEntity<Void> logout(
            @RequestBody(required = false) RefreshRequest request,
            HttpServletRequest http,
            HttpServletResponse response) {
        // An API client (Bearer header, exempt from CSRF) ends the tokens it sends; a browser those in its cookies.
        String access = AuthTokenResolver.fromHeader(http);
        boolean apiClient = access != null;
        if (!apiClient) {
            access = AuthCookies.read(http, AuthCookies.ACCESS).orElse(null);
        }
        String refresh = request != null && request.refreshToken() != null
                ? request.refreshToken()
                : apiClient ? null : AuthCookies.read(http, AuthCookies.REFRESH).orElse(null);
        sessions.logout(access, refresh)
                .ifPresent(jwt -> events.publishEvent(new LoggedOut(
                        UUID.fromString(jwt.getClaimAsString(Tokens.ORG_ID)),
                        UUID.fromString(jwt.getSubject()),
                        UUID.fromString(jwt.getClaimAsString(Tokens.SESSION_ID)))));
        cookies.clear(response);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/csrf")
    @Operation(
            summary = "Obtain the CSRF cookie",
            description = "Sets the XSRF-TOKEN cookie (any response does when the browser has none). Browsers echo"
                    + " its value in the X-XSRF-TOKEN header on state-changing requests that carry the session"
                    + " cookies, and on login and register.")
    ResponseEntity<Void> csrf() {
        return ResponseEntity.noContent().build();
    }

    @ExceptionHandler(LoginThrottledException.class)
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemWriter.problem(e);
        problem.setInstance(java.net.URI.create(request.getRequestURI()));
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private SessionView sessionView(Sessions.TokenPair pair) {
        Member member = pair.member();
        return new SessionView(
                UserView.of(member), OrgView.of(organizations.get(member.orgId())), expiresIn(pair.access()));
    }

    private TokenView tokenView(Sessions.TokenPair pair) {
        return new TokenView(pair.access().value(), pair.refresh().value(), "Bearer", expiresIn(pair.access()));
    }

    private long expiresIn(Tokens.IssuedToken access) {
        return Math.max(
                0,
                Math.min(
                        accessSeconds,
                        Duration.between(Instant.now(), access.expiresAt()).toSeconds()));
    }

    record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotNull String password,
            @NotBlank @Size(max = 200) String fullName,
            @NotBlank @Size(max = 200) String orgName,

            @NotNull
            @Pattern(regexp = "[a-z0-9-]{3,40}", message = "must be 3 to 40 lower-case letters, digits or dashes")
            String orgSlug) {}

    record LoginRequest(@NotBlank String email, @NotNull String password) {}

    record RefreshRequest(String refreshToken) {}
}
