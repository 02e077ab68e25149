package io.datamind.query;

import java.util.Properties;
import java.util.Set;

/**
 * DuckDB: the file is attached read-only, every file system access beyond it (COPY TO, read_csv, ATTACH, installing
 * extensions) is switched off, and the configuration is locked so a query cannot switch it back on.
 */
final class DuckDbRules extends VendorRules {

    static final DuckDbRules INSTANCE = new DuckDbRules();

    private static final Set<String> OWNED = Set.of(
            "duckdb.read_only",
            "access_mode",
            "enable_external_access",
            "autoinstall_known_extensions",
            "autoload_known_extensions",
            "allow_community_extensions",
            "allow_unsigned_extensions",
            "lock_configuration",
            "jdbc_stream_results",
            "jdbc_auto_commit");

    private DuckDbRules() {}

    @Override
    Set<String> ownedProperties() {
        return OWNED;
    }

    @Override
    void enforce(Properties properties, QueryProperties config) {
        properties.setProperty("duckdb.read_only", "true");
        properties.setProperty("enable_external_access", "false");
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("lock_configuration", "true");
        properties.setProperty("jdbc_stream_results", "true");
    }

    @Override
    boolean transactional() {
        return false;
    }
}
