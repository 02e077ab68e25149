package io.datamind.chatstream;

import io.datamind.common.ApiException;
import io.datamind.common.web.ClientAddress;
import io.datamind.ratelimit.FailedAuthentications;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Bad credentials on the chat socket count against the same per-address {@code unauthenticated} limit as bad tokens
 * on the REST API, whether they come with the handshake or in the first message: otherwise a socket would be a free
 * way to try tokens. Nothing is counted when rate limits are off.
 */
@Component
class SocketAuthFailures {

    private final FailedAuthentications floods;
    private final ClientAddress clientAddress;

    SocketAuthFailures(ObjectProvider<FailedAuthentications> floods, ClientAddress clientAddress) {
        this.floods = floods.getIfAvailable();
        this.clientAddress = clientAddress;
    }

    String address(HttpServletRequest request) {
        return clientAddress.resolve(request);
    }

    /** Counts a handshake with bad credentials; true when its 429 was written and the handshake must end. */
    boolean refusedAtHandshake(HttpServletRequest request, HttpServletResponse response) throws IOException {
        return floods != null && floods.rejectOverLimit(request, response);
    }

    /** Counts a bad auth message; the 429 to send instead of the 401 once the address used up its limit. */
    Optional<ApiException> overLimit(String address) {
        if (floods == null || address == null) {
            return Optional.empty();
        }
        long retryAfter = floods.countOverLimit(address);
        return retryAfter == 0
                ? Optional.empty()
                : Optional.of(new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "Too many failed sign-ins; try again in " + retryAfter + " seconds"));
    }
}
