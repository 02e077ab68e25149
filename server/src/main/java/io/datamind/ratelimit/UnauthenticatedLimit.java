package io.datamind.ratelimit;

import io.datamind.common.web.ClientAddress;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Counts failed authentications against the {@code unauthenticated} bucket of the client's address. */
final class UnauthenticatedLimit implements FailedAuthentications {

    private final RateLimiter limiter;
    private final ClientAddress clientAddress;
    private final TooManyRequests tooMany;

    UnauthenticatedLimit(RateLimiter limiter, ClientAddress clientAddress, TooManyRequests tooMany) {
        this.limiter = limiter;
        this.clientAddress = clientAddress;
        this.tooMany = tooMany;
    }

    @Override
    public boolean rejectOverLimit(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Decision decision = limiter.tryAcquire(RouteGroup.UNAUTHENTICATED, key(clientAddress.resolve(request)));
        return tooMany.answer(request, response, decision);
    }

    @Override
    public long countOverLimit(String address) {
        Decision decision = limiter.tryAcquire(RouteGroup.UNAUTHENTICATED, key(address));
        return decision.allowed() ? 0 : decision.retryAfterSeconds();
    }

    private static String key(String address) {
        return "ip:" + address;
    }
}
