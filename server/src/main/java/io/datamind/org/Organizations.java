package io.datamind.org;

import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creating and reading organizations. */
@Service
public class Organizations {

    /** Lower-case letters, digits and dashes, 3 to 40 characters: safe in URLs and file names. */
    public static final Pattern SLUG = Pattern.compile("[a-z0-9-]{3,40}");

    private final OrganizationRepository organizations;
    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Organizations(OrganizationRepository organizations, MemberRepository members, ApplicationEventPublisher events) {
        this.organizations = organizations;
        this.members = members;
        this.events = events;
    }

    /** The caller's own organization. */
    public Organization get(UUID orgId) {
        return organizations.find(orgId).orElseThrow(() -> new NotFoundException("Organization"));
    }

    /**
     * Creates an organization with its first member as owner and publishes {@link OrganizationCreated} in the same
     * transaction. A taken slug or email is a 409 naming the request fields {@code orgSlug} and {@code email}.
     */
    @Transactional
    public NewOrganization create(String name, String slug, String ownerEmail, String ownerFullName) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw ApiException.invalidField("orgSlug", "must be 3 to 40 lower-case letters, digits or dashes");
        }
        String email = Emails.normalize(ownerEmail);
        List<ApiException.FieldError> conflicts = new ArrayList<>();
        if (members.emailTaken(email)) {
            conflicts.add(new ApiException.FieldError("email", "An account with this email already exists"));
        }
        if (organizations.slugTaken(slug)) {
            conflicts.add(new ApiException.FieldError("orgSlug", "This organization URL name is already taken"));
        }
        if (!conflicts.isEmpty()) {
            throw conflict(conflicts);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Organization organization = new Organization(UUID.randomUUID(), name.trim(), slug, now);
        Member owner = new Member(UUID.randomUUID(), organization.id(), email, ownerFullName.trim(), Role.OWNER, now);
        try {
            organizations.insert(organization);
            members.insert(owner);
        } catch (DuplicateKeyException e) {
            // Lost a race with a concurrent registration of the same slug or email.
            String message = String.valueOf(e.getMessage()).toLowerCase();
            throw conflict(List.of(
                    message.contains("ux_organizations_slug")
                            ? new ApiException.FieldError("orgSlug", "This organization URL name is already taken")
                            : new ApiException.FieldError("email", "An account with this email already exists")));
        }
        events.publishEvent(new OrganizationCreated(organization.id(), organization.name(), slug, owner.id()));
        return new NewOrganization(organization, owner);
    }

    private static ApiException conflict(List<ApiException.FieldError> conflicts) {
        String detail = String.join(
                "; ", conflicts.stream().map(ApiException.FieldError::message).toList());
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, conflicts);
    }
}
