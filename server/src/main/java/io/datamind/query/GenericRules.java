package io.datamind.query;

import java.util.Properties;
import java.util.Set;

/**
 * ClickHouse, Trino and SQL Server: no live server to test against here, so only what their drivers document is
 * relied on (read-only flag and transactions where they exist, JDBC query timeout and cancel). A read-only database
 * user matters most for these, and the connection test says so.
 */
final class GenericRules extends VendorRules {

    static final GenericRules CLICKHOUSE = new GenericRules(false, false);
    static final GenericRules TRINO = new GenericRules(true, true);
    static final GenericRules SQLSERVER = new GenericRules(true, true);

    private final boolean transactional;
    private final boolean readOnlyFlag;

    private GenericRules(boolean transactional, boolean readOnlyFlag) {
        this.transactional = transactional;
        this.readOnlyFlag = readOnlyFlag;
    }

    @Override
    Set<String> ownedProperties() {
        return Set.of();
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        if (this == SQLSERVER) {
            properties.setProperty("loginTimeout", Long.toString(seconds(config.connectTimeout())));
            properties.setProperty("applicationIntent", "ReadOnly");
        }
    }

    @Override
    boolean transactional() {
        return transactional;
    }

    @Override
    boolean supportsReadOnlyFlag() {
        return readOnlyFlag;
    }
}
