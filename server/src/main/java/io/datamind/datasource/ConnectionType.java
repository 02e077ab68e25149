package io.datamind.datasource;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The kinds of database a user may connect. H2 and raw JDBC URLs are deliberately not among them. */
public enum ConnectionType {
    POSTGRESQL(5432, 5432, SslMode.PREFER, EnumSet.allOf(SslMode.class)),
    // Both through the MariaDB driver, which has no "TLS if the server offers it" (prefer).
    MYSQL(
            3306,
            3306,
            SslMode.DISABLE,
            EnumSet.of(SslMode.DISABLE, SslMode.REQUIRE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL)),
    MARIADB(
            3306,
            3306,
            SslMode.DISABLE,
            EnumSet.of(SslMode.DISABLE, SslMode.REQUIRE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL)),
    SQLITE(0, 0, null, EnumSet.noneOf(SslMode.class)),
    DUCKDB(0, 0, null, EnumSet.noneOf(SslMode.class)),
    CLICKHOUSE(8123, 8443, SslMode.DISABLE, EnumSet.of(SslMode.DISABLE, SslMode.REQUIRE, SslMode.VERIFY_FULL)),
    TRINO(
            8080,
            8443,
            SslMode.DISABLE,
            EnumSet.of(SslMode.DISABLE, SslMode.REQUIRE, SslMode.VERIFY_CA, SslMode.VERIFY_FULL)),
    // The driver's own default (encrypt=true, certificate checked).
    SQLSERVER(1433, 1433, SslMode.VERIFY_FULL, EnumSet.of(SslMode.DISABLE, SslMode.REQUIRE, SslMode.VERIFY_FULL));

    private final int defaultPort;
    private final int defaultTlsPort;
    private final SslMode defaultSslMode;
    private final EnumSet<SslMode> sslModes;

    ConnectionType(int defaultPort, int defaultTlsPort, SslMode defaultSslMode, EnumSet<SslMode> sslModes) {
        this.defaultPort = defaultPort;
        this.defaultTlsPort = defaultTlsPort;
        this.defaultSslMode = defaultSslMode;
        this.sslModes = sslModes;
    }

    /** True for SQLite and DuckDB, which read a file below {@code datamind.sources.file-root} instead of a host. */
    public boolean fileBased() {
        return defaultSslMode == null;
    }

    /** The TLS modes this type's driver can express; empty for file sources. */
    public Set<SslMode> sslModes() {
        return EnumSet.copyOf(sslModes);
    }

    /** The TLS mode used when none is given (the driver's own default); null for file sources. */
    public SslMode defaultSslMode() {
        return defaultSslMode;
    }

    /**
     * The port used when none is given. ClickHouse and Trino speak HTTP, so their usual port differs with TLS.
     */
    public int defaultPort(SslMode sslMode) {
        return sslMode != null && sslMode.encrypts() ? defaultTlsPort : defaultPort;
    }

    /** The lower-case name used in the API ({@code "postgresql"}). */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Matches the API name in any letter case; only ASCII letters can match, so look-alikes never do. */
    static Optional<ConnectionType> fromId(String value) {
        if (value == null || !value.chars().allMatch(c -> c < 128 && Character.isLetter(c))) {
            return Optional.empty();
        }
        String upper = value.toUpperCase(Locale.ROOT);
        for (ConnectionType type : values()) {
            if (type.name().equals(upper)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
