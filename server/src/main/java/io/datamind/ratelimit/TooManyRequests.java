package io.datamind.ratelimit;

import io.datamind.common.ApiException;
import io.datamind.common.web.ProblemWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** Writes a decision's rate-limit headers, and the 429 problem with {@code Retry-After} when it refused. */
final class TooManyRequests {

    static final String LIMIT_HEADER = "X-RateLimit-Limit";
    static final String REMAINING_HEADER = "X-RateLimit-Remaining";

    private final ProblemWriter problems;

    TooManyRequests(ProblemWriter problems) {
        this.problems = problems;
    }

    /** @return true when the request was refused and its 429 written */
    boolean answer(HttpServletRequest request, HttpServletResponse response, Decision decision) throws IOException {
        if (decision.counted()) {
            response.setHeader(LIMIT_HEADER, Long.toString(decision.limit()));
            response.setHeader(REMAINING_HEADER, Long.toString(decision.remaining()));
        }
        if (decision.allowed()) {
            return false;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        problems.write(
                request,
                response,
                new ApiException(
                        HttpStatus.TOO_MANY_REQUESTS,
                        "Too many requests",
                        "Too many requests; try again in " + decision.retryAfterSeconds() + " seconds"));
        return true;
    }
}
