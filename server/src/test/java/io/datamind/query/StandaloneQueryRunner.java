package io.datamind.query;

import io.datamind.support.BoundProperties;

/** The production query runner with the application's default settings, for benchmarks without the application. */
public final class StandaloneQueryRunner {

    private StandaloneQueryRunner() {}

    public static QueryRunner create() {
        return new PooledQueryRunner(BoundProperties.defaults("datamind.query", QueryProperties.class));
    }

    /** Closes the pools at once, as the application does when it stops. */
    public static void close(QueryRunner runner) {
        ((PooledQueryRunner) runner).destroy();
    }
}
