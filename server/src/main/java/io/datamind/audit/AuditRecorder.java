package io.datamind.audit;

import io.datamind.auth.LoggedOut;
import io.datamind.auth.LoginFailed;
import io.datamind.auth.LoginSucceeded;
import io.datamind.auth.PasswordChanged;
import io.datamind.auth.RefreshTokenReuseDetected;
import io.datamind.auth.UserRegistered;
import io.datamind.org.MemberAdded;
import io.datamind.org.MemberRemoved;
import io.datamind.org.MemberRoleChanged;
import io.datamind.org.OwnershipTransferred;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the events of other modules into entries. Listeners run synchronously in the publisher's transaction, so
 * an entry is committed exactly when the change it records is.
 */
@Component
class AuditRecorder {

    static final String ORGANIZATION = "organization";
    static final String USER = "user";
    static final String SESSION = "session";

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(AuditEvent event) {
        log.record(event);
    }

    @EventListener
    void on(UserRegistered event) {
        log.record(
                new AuditEvent(
                        event.orgId(), event.userId(), "auth.register", ORGANIZATION, id(event.orgId()), Map.of()),
                event.email());
    }

    @EventListener
    void on(LoginSucceeded event) {
        log.record(
                new AuditEvent(
                        event.orgId(),
                        event.userId(),
                        "auth.login.success",
                        USER,
                        id(event.userId()),
                        Map.of("via", event.via())),
                event.email());
    }

    @EventListener
    void on(LoginFailed event) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("reason", event.reason());
        details.put("email", event.email());
        log.record(
                new AuditEvent(event.orgId(), event.userId(), "auth.login.failure", USER, id(event.userId()), details),
                event.userId() == null ? null : event.email());
    }

    @EventListener
    void on(LoggedOut event) {
        log.record(
                new AuditEvent(event.orgId(), event.userId(), "auth.logout", SESSION, id(event.sessionId()), Map.of()));
    }

    @EventListener
    void on(RefreshTokenReuseDetected event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.userId(),
                "auth.refresh.reuse_detected",
                SESSION,
                id(event.sessionId()),
                Map.of("sessionRevoked", true)));
    }

    @EventListener
    void on(PasswordChanged event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.userId(),
                "auth.password.changed",
                USER,
                id(event.userId()),
                Map.of("endedSessions", event.endedSessions())));
    }

    @EventListener
    void on(MemberAdded event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.actorId(),
                "org.member.added",
                USER,
                id(event.memberId()),
                Map.of("email", event.email(), "role", event.role().value())));
    }

    @EventListener
    void on(MemberRoleChanged event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.actorId(),
                "org.member.role_changed",
                USER,
                id(event.memberId()),
                Map.of("from", event.from().value(), "to", event.to().value())));
    }

    @EventListener
    void on(MemberRemoved event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.actorId(),
                "org.member.removed",
                USER,
                id(event.memberId()),
                Map.of("email", event.email(), "role", event.role().value())));
    }

    @EventListener
    void on(OwnershipTransferred event) {
        log.record(new AuditEvent(
                event.orgId(),
                event.previousOwnerId(),
                "org.ownership.transferred",
                USER,
                id(event.newOwnerId()),
                Map.of()));
    }

    private static String id(UUID id) {
        return id == null ? null : id.toString();
    }
}
