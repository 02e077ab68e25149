package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.org.Actor;
import io.datamind.org.Role;
import java.util.UUID;

/**
 * The authenticated member making the request. Controllers take it as a parameter (it is resolved from the
 * security context and hidden from the API docs); other code can use {@link CurrentCaller}. The role is read from
 * the database on every request, so a role change or removal takes effect at once.
 */
public record Caller(UUID userId, UUID orgId, Role role) {

    public boolean atLeast(Role minimum) {
        return role.atLeast(minimum);
    }

    /** Throws a 403 problem unless the caller has at least this role. */
    public void require(Role minimum) {
        if (!atLeast(minimum)) {
            throw ApiException.forbidden("This needs the " + minimum.value() + " role or higher");
        }
    }

    public Actor actor() {
        return new Actor(userId, orgId, role);
    }
}
