package io.datamind.auth;

import io.datamind.org.Member;
import io.datamind.org.NewOrganization;
import io.datamind.org.Organizations;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** A new organization with its owner, created in one transaction; the slow hashing happens before it. */
@Service
class Registration {

    private final Organizations organizations;
    private final CredentialRepository credentials;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    Registration(
            Organizations organizations,
            CredentialRepository credentials,
            PasswordPolicy policy,
            PasswordEncoder passwordEncoder,
            ApplicationEventPublisher events,
            TransactionTemplate transaction) {
        this.organizations = organizations;
        this.credentials = credentials;
        this.policy = policy;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
        this.transaction = transaction;
    }

    NewOrganization register(String email, String password, String fullName, String orgName, String orgSlug) {
        policy.check("password", password);
        String hash = passwordEncoder.encode(password);
        return transaction.execute(status -> {
            NewOrganization created = organizations.create(orgName, orgSlug, email, fullName);
            Member owner = created.owner();
            credentials.insert(owner.id(), owner.orgId(), hash, owner.createdAt());
            events.publishEvent(new UserRegistered(owner.orgId(), owner.id(), owner.email()));
            return created;
        });
    }
}
