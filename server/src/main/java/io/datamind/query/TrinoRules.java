package io.datamind.query;

import java.util.Properties;
import java.util.Set;

/**
 * Trino: the driver's read-only flag and transactions, and its one {@code timeout} (connect, read and write of each
 * HTTP request, and how long failed requests are retried). A query is a series of short polls, each answered within
 * about a second, so this bounds an unreachable or stalled coordinator without limiting how long a query runs.
 */
final class TrinoRules extends VendorRules {

    static final TrinoRules INSTANCE = new TrinoRules();

    static final String TIMEOUT = "timeout";

    private TrinoRules() {}

    @Override
    Set<String> ownedProperties() {
        return Set.of(TIMEOUT);
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty(TIMEOUT, seconds(config.connectTimeout()) + "s");
    }
}
