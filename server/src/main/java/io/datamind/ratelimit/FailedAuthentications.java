package io.datamind.ratelimit;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Requests that failed authentication, counted per client address, so a flood of missing, expired or forged tokens
 * is answered 429 once its limit ({@code datamind.rate-limit.unauthenticated}) is used up. Spring Security turns
 * these requests away before the rate-limit filter runs, so its authentication entry point asks here first. Signed-in
 * requests never reach it and are never counted. No bean when rate limits are switched off.
 */
public interface FailedAuthentications {

    /**
     * Counts one request that failed authentication and sets the rate-limit headers.
     *
     * @return true when the limit is used up and a 429 problem was written (write nothing more); false when the
     *     request should get its usual 401
     */
    boolean rejectOverLimit(HttpServletRequest request, HttpServletResponse response) throws IOException;

    /**
     * Counts one failed authentication that is no HTTP request of its own (a WebSocket's auth message, after the
     * handshake), for the given client address.
     *
     * @return how many seconds to wait when the limit is used up; 0 while it is not
     */
    long countOverLimit(String clientAddress);
}
