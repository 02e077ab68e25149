package io.datamind.auth;

import io.datamind.common.ApiException;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The caller of the request on this thread, for code that is not a controller parameter. */
public final class CurrentCaller {

    private CurrentCaller() {}

    public static Optional<Caller> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Caller caller) {
            return Optional.of(caller);
        }
        return Optional.empty();
    }

    /** The caller, or a 401 problem when the request is not authenticated. */
    public static Caller get() {
        return find().orElseThrow(
                        () -> new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in to continue"));
    }
}
