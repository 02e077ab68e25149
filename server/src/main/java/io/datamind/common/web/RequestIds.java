package io.datamind.common.web;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** The request id of the current request: taken from {@code X-Request-ID} when safe, otherwise generated. */
public final class RequestIds {

    public static final String HEADER = "X-Request-ID";
    public static final String MDC_KEY = "request_id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    static String acceptOrGenerate(String candidate) {
        if (candidate != null && SAFE.matcher(candidate).matches()) {
            return candidate;
        }
        return UUID.randomUUID().toString();
    }

    /** The id of the request being served on this thread, or null outside a request. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
