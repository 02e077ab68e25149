package io.datamind.query;

import java.util.Properties;
import java.util.Set;

/**
 * ClickHouse (clickhouse-jdbc 0.10, the v2 client over HTTP): no transactions and no read-only flag, so the server's
 * own {@code readonly} setting is sent with every request. {@code readonly=2} refuses writes and DDL but still lets
 * the driver set per-query settings such as {@code max_execution_time} (its query timeout); {@code readonly=1}
 * would refuse those too. A user whose profile already has {@code readonly=1} cannot be raised to 2 and is refused
 * by the server: such a user needs {@code readonly=2} in its profile, as other SQL clients (Grafana) also ask.
 */
final class ClickHouseRules extends VendorRules {

    static final ClickHouseRules INSTANCE = new ClickHouseRules();

    /** The v2 client sends properties with this prefix as server settings. */
    static final String READONLY = "clickhouse_setting_readonly";

    static final String CONNECT_TIMEOUT = "connection_timeout";
    static final String SOCKET_TIMEOUT = "socket_timeout";

    private static final Set<String> OWNED = Set.of(READONLY, CONNECT_TIMEOUT, SOCKET_TIMEOUT);

    private ClickHouseRules() {}

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty(READONLY, "2");
        properties.setProperty(
                CONNECT_TIMEOUT, Long.toString(config.connectTimeout().toMillis()));
        // A result streams over one HTTP response: the socket may wait as long as the longest query may run.
        properties.setProperty(SOCKET_TIMEOUT, Long.toString(config.maxTimeout().toMillis() + 60_000));
    }

    @Override
    boolean transactional() {
        return false;
    }

    @Override
    boolean supportsReadOnlyFlag() {
        return false;
    }
}
