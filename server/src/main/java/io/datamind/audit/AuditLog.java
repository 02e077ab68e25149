package io.datamind.audit;

import io.datamind.common.web.RequestIds;
import io.datamind.org.Members;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/** Writes entries, adding who (email) and where from (IP, user agent, request id) to what happened. */
@Component
class AuditLog {

    private static final int MAX_USER_AGENT = 512;

    private final AuditRepository repository;
    private final Members members;
    private final JsonMapper json;
    private final Clock clock = Clock.systemUTC();

    AuditLog(AuditRepository repository, Members members, JsonMapper json) {
        this.repository = repository;
        this.members = members;
        this.json = json;
    }

    void record(AuditEvent event) {
        record(event, null);
    }

    /** @param knownEmail the user's email when the event carries it, saving a look-up */
    void record(AuditEvent event, String knownEmail) {
        String email = knownEmail;
        if (email == null && event.userId() != null) {
            email = members.findIdentity(event.userId()).map(m -> m.email()).orElse(null);
        }
        HttpServletRequest request = currentRequest();
        String userAgent = request == null ? null : request.getHeader("User-Agent");
        if (userAgent != null && userAgent.length() > MAX_USER_AGENT) {
            userAgent = userAgent.substring(0, MAX_USER_AGENT);
        }
        repository.insert(
                event.orgId(),
                new AuditEntry(
                        UUID.randomUUID(),
                        event.action(),
                        event.userId(),
                        email,
                        event.targetType(),
                        event.targetId(),
                        request == null ? null : request.getRemoteAddr(),
                        userAgent,
                        RequestIds.current(),
                        json.writeValueAsString(event.details() == null ? Map.of() : event.details()),
                        clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    private static HttpServletRequest currentRequest() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest() : null;
    }
}
