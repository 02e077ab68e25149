package io.datamind.query;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Everything the runner needs to reach one customer database. The datasource module builds it from a saved or
 * submitted connection: the URL is already checked and points at a checked address, and the driver properties are
 * already allowlisted. The runner adds its own read-only and timeout settings on top, which always win.
 *
 * @param connectionId the saved connection (a random id for an unsaved connection test)
 * @param orgId the organization that owns it; cancelling a query requires the same organization
 * @param password plaintext, in memory only; never printed by {@link #toString()}
 * @param fingerprint a hash of every detail above; when it changes for the same connection id, the pool is rebuilt
 * @param pinnedAddress {@code address:port} the socket must go to when the URL carries the host name (TLS {@code
 *     verify-full} on PostgreSQL, MySQL and MariaDB, so the driver checks the certificate against the name); null when
 *     the URL itself holds the checked address. The runner sets the driver's socket factory from it
 *     ({@link PinnedSocketFactory}, {@link MariadbPinnedSocketFactory}), never from the caller's properties.
 */
public record DataSourceTarget(
        UUID connectionId,
        UUID orgId,
        DatabaseType type,
        String jdbcUrl,
        String username,
        String password,
        Map<String, String> driverProperties,
        String fingerprint,
        String pinnedAddress) {

    public DataSourceTarget {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(orgId, "orgId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(fingerprint, "fingerprint");
        driverProperties = driverProperties == null ? Map.of() : Map.copyOf(driverProperties);
    }

    @Override
    public String toString() {
        return "DataSourceTarget[connectionId=" + connectionId + ", orgId=" + orgId + ", type=" + type + ", jdbcUrl="
                + jdbcUrl + ", username=" + username + ", password=" + (password == null ? "null" : "***")
                + ", driverProperties=" + driverProperties.keySet() + ", fingerprint=" + fingerprint
                + ", pinnedAddress="
                + pinnedAddress + "]";
    }
}
