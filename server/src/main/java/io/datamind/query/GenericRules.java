package io.datamind.query;

import java.util.Properties;
import java.util.Set;

/**
 * SQL Server: no live server to test against here, so only what its driver documents is relied on (read-only flag,
 * transactions, {@code applicationIntent=ReadOnly}, JDBC query timeout and cancel). A read-only database user
 * matters most here, and the connection test says so.
 */
final class GenericRules extends VendorRules {

    static final GenericRules SQLSERVER = new GenericRules();

    private GenericRules() {}

    @Override
    Set<String> ownedProperties() {
        return Set.of();
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty("loginTimeout", Long.toString(seconds(config.connectTimeout())));
        properties.setProperty("applicationIntent", "ReadOnly");
    }
}
