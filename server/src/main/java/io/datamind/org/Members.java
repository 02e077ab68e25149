package io.datamind.org;

import io.datamind.common.ApiException;
import io.datamind.common.NotFoundException;
import io.datamind.common.Page;
import io.datamind.common.PageQuery;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership and its rules: admins manage members, only the owner hands over ownership, and an organization
 * always keeps exactly one owner, who cannot be removed. Every operation is scoped to the actor's organization; a
 * member of another organization is not found.
 */
@Service
public class Members {

    private final MemberRepository members;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    Members(MemberRepository members, ApplicationEventPublisher events) {
        this.members = members;
        this.events = events;
    }

    /** The user a token names, whatever organization: the token's own org claim is checked against it. */
    public Optional<Member> findIdentity(UUID userId) {
        return members.findIdentity(userId);
    }

    /** Sign-in look-up by email, before any organization is known. */
    public Optional<Member> findForSignIn(String email) {
        return members.findByEmail(Emails.normalize(email));
    }

    public Member get(UUID orgId, UUID memberId) {
        return members.find(orgId, memberId).orElseThrow(() -> new NotFoundException("Member"));
    }

    public Page<Member> list(UUID orgId, PageQuery page) {
        return Page.of(members.page(orgId, page.offset(), page.limit()), members.count(orgId), page);
    }

    @Transactional
    public Member add(Actor actor, String email, String fullName, Role role) {
        requireAdmin(actor);
        if (role == Role.OWNER) {
            throw ApiException.invalidField(
                    "role", "a new member cannot be the owner; add them, then transfer ownership");
        }
        String normalized = Emails.normalize(email);
        if (members.emailTaken(normalized)) {
            throw ApiException.conflict("email", "An account with this email already exists");
        }
        Member member = new Member(UUID.randomUUID(), actor.orgId(), normalized, fullName.trim(), role, now());
        try {
            members.insert(member);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("email", "An account with this email already exists");
        }
        events.publishEvent(new MemberAdded(actor.orgId(), actor.userId(), member.id(), member.email(), role));
        return member;
    }

    /**
     * Changes a member's role. Giving someone the owner role transfers ownership: only the owner may, and the
     * previous owner becomes an admin.
     */
    @Transactional
    public Member changeRole(Actor actor, UUID memberId, Role role) {
        requireAdmin(actor);
        Member member =
                members.findForUpdate(actor.orgId(), memberId).orElseThrow(() -> new NotFoundException("Member"));
        if (member.role() == role) {
            return member;
        }
        Instant now = now();
        if (role == Role.OWNER) {
            if (actor.role() != Role.OWNER) {
                throw ApiException.forbidden("Only the owner can transfer ownership");
            }
            Member owner = members.findForUpdate(actor.orgId(), actor.userId())
                    .filter(current -> current.role() == Role.OWNER)
                    .orElseThrow(() -> ApiException.forbidden("Only the owner can transfer ownership"));
            members.updateRole(actor.orgId(), owner.id(), Role.ADMIN, now);
            members.updateRole(actor.orgId(), member.id(), Role.OWNER, now);
            events.publishEvent(new OwnershipTransferred(actor.orgId(), owner.id(), member.id()));
            events.publishEvent(
                    new MemberRoleChanged(actor.orgId(), actor.userId(), owner.id(), Role.OWNER, Role.ADMIN));
        } else {
            if (member.role() == Role.OWNER) {
                throw new ApiException(
                        HttpStatus.CONFLICT,
                        "Conflict",
                        "The owner's role changes only by transferring ownership to another member",
                        java.util.List.of(new ApiException.FieldError("role", "the owner must transfer ownership")));
            }
            members.updateRole(actor.orgId(), member.id(), role, now);
        }
        events.publishEvent(new MemberRoleChanged(actor.orgId(), actor.userId(), member.id(), member.role(), role));
        return new Member(member.id(), member.orgId(), member.email(), member.fullName(), role, member.createdAt());
    }

    @Transactional
    public void remove(Actor actor, UUID memberId) {
        requireAdmin(actor);
        Member member =
                members.findForUpdate(actor.orgId(), memberId).orElseThrow(() -> new NotFoundException("Member"));
        if (member.role() == Role.OWNER) {
            throw new ApiException(
                    HttpStatus.CONFLICT, "Conflict", "The owner cannot be removed; transfer ownership first");
        }
        if (member.id().equals(actor.userId())) {
            throw new ApiException(HttpStatus.CONFLICT, "Conflict", "You cannot remove yourself; ask another admin");
        }
        // Listeners run first: they end the member's sessions and drop rows that refer to the user.
        events.publishEvent(
                new MemberRemoved(actor.orgId(), actor.userId(), member.id(), member.email(), member.role()));
        members.delete(actor.orgId(), member.id());
    }

    private static void requireAdmin(Actor actor) {
        if (!actor.role().atLeast(Role.ADMIN)) {
            throw ApiException.forbidden("Only admins and the owner can manage members");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
