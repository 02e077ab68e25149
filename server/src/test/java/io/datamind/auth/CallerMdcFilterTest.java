package io.datamind.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.org.Role;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class CallerMdcFilterTest {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
        MDC.clear();
    }

    @Test
    void authenticatedRequestsLogTheirUserAndOrganization() throws Exception {
        Caller caller = new Caller(UUID.randomUUID(), UUID.randomUUID(), Role.ANALYST);
        Jwt jwt = Jwt.withTokenValue("t")
                .header("alg", "HS256")
                .subject(caller.userId().toString())
                .claim(Tokens.SESSION_ID, UUID.randomUUID().toString())
                .issuedAt(Instant.now())
                .build();
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthentication(caller, jwt));
        Map<String, String> seen = new HashMap<>();
        new CallerMdcFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
                    seen.put("user_id", MDC.get("user_id"));
                    seen.put("org_id", MDC.get("org_id"));
                });
        assertThat(seen)
                .containsEntry("user_id", caller.userId().toString())
                .containsEntry("org_id", caller.orgId().toString());
    }

    @Test
    void anonymousRequestsLogNoUser() throws Exception {
        Map<String, String> seen = new HashMap<>();
        new CallerMdcFilter()
                .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> {
                    seen.put("user_id", MDC.get("user_id"));
                });
        assertThat(seen.get("user_id")).isNull();
    }
}
