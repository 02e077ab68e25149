package io.datamind.ratelimit;

/**
 * Requests that share one limit. A strict group guards credentials: when Redis fails it falls back to in-process
 * buckets instead of letting requests through, so a Redis outage never opens the door to password guessing.
 * {@link #UNAUTHENTICATED} is no route: it counts requests that failed authentication, by client address, whatever
 * their path (see {@link FailedAuthentications}).
 */
enum RouteGroup {
    LOGIN(true),
    REGISTER(true),
    REFRESH(true),
    ASK(false),
    API(false),
    UNAUTHENTICATED(true);

    private final boolean strict;

    RouteGroup(boolean strict) {
        this.strict = strict;
    }

    boolean strict() {
        return strict;
    }

    String key() {
        return name().toLowerCase();
    }
}
