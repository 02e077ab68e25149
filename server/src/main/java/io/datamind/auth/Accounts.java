package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.org.Member;
import io.datamind.org.Members;
import io.datamind.org.Role;
import java.time.Instant;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Accounts with a password: members added by an admin, and users changing their own password. */
@Service
class Accounts {

    private final Members members;
    private final CredentialRepository credentials;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwordEncoder;
    private final SignIn signIn;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Accounts(
            Members members,
            CredentialRepository credentials,
            PasswordPolicy policy,
            PasswordEncoder passwordEncoder,
            SignIn signIn,
            Sessions sessions,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.members = members;
        this.credentials = credentials;
        this.policy = policy;
        this.passwordEncoder = passwordEncoder;
        this.signIn = signIn;
        this.sessions = sessions;
        this.events = events;
        this.transaction = transaction;
    }

    Member addMember(Caller caller, String email, String fullName, Role role, String password) {
        caller.require(Role.ADMIN);
        policy.check("password", password);
        String hash = passwordEncoder.encode(password);
        return transaction.execute(status -> {
            Member member = members.add(caller.actor(), email, fullName, role);
            credentials.insert(member.id(), member.orgId(), hash, member.createdAt());
            return member;
        });
    }

    /** Changes the caller's password and ends their other sessions; the current one goes on. */
    void changePassword(Caller caller, UUID currentSession, String currentPassword, String newPassword) {
        Member member = members.get(caller.orgId(), caller.userId());
        if (currentPassword == null || !signIn.verify(member, currentPassword)) {
            throw ApiException.invalidField("currentPassword", "is not your current password");
        }
        policy.check("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw ApiException.invalidField("newPassword", "must differ from the current password");
        }
        credentials.updatePasswordHash(member.orgId(), member.id(), passwordEncoder.encode(newPassword), Instant.now());
        int ended = sessions.endOtherSessions(member.id(), currentSession, "password_change");
        events.publishEvent(new PasswordChanged(member.orgId(), member.id(), ended));
    }
}
