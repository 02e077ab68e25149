package io.datamind.auth;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the caller on every log line of an authenticated request; runs right after the bearer-token filter. */
class CallerMdcFilter extends OncePerRequestFilter {

    static final String USER_ID = "user_id";
    static final String ORG_ID = "org_id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CurrentCaller.find().ifPresent(caller -> {
            MDC.put(USER_ID, caller.userId().toString());
            MDC.put(ORG_ID, caller.orgId().toString());
        });
        // Left in place after the chain so the access log line carries them too; RequestIdFilter, which wraps
        // every request, clears the MDC at the very end.
        chain.doFilter(request, response);
    }
}
