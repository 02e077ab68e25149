package io.datamind.query.guard;

import io.datamind.support.BoundProperties;

/** The SQL guard as the application configures it by default, for benchmarks without the application. */
public final class StandaloneSqlGuard {

    private StandaloneSqlGuard() {}

    public static SqlGuard create() {
        return new SqlGuardConfig()
                .sqlGuard(BoundProperties.defaults("datamind.query.guard", SqlGuardProperties.class));
    }
}
