package io.datamind.datasource;

import io.datamind.query.MariadbPinnedSocketFactory;
import io.datamind.query.PinnedSocketFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the JDBC URL and properties for a {@link ValidatedConnection}. The URL carries the checked IP address (so DNS
 * cannot change where the connection goes after the check; {@code verify-full} on PostgreSQL, MySQL and MariaDB keeps
 * the name for the certificate check and pins the address through the driver's socket factory instead), the port and
 * the database; everything else, credentials included, travels as {@link java.util.Properties}, which no driver
 * re-parses as URL syntax. Each type also gets explicit safe settings where its driver has dangerous features on by
 * default or reachable by a malicious server.
 *
 * <p>TLS host names: because the URL holds the IP address, drivers that check the certificate's host name against the
 * URL host compare it with the IP. SQL Server takes the original name through {@code hostNameInCertificate}. Trino
 * takes it through {@code hostnameInCertificate}. PostgreSQL and MySQL/MariaDB with {@code verify-full} keep the name
 * in the URL and connect through a socket factory that opens the socket to the checked address ({@link
 * PinnedSocketFactory}, {@link MariadbPinnedSocketFactory}). ClickHouse has neither, so with {@code verify-full} its
 * certificate must name the IP address (see docs/connection-safety.md).
 */
public final class JdbcUrls {

    static final String APPLICATION_NAME = "DataMind";
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_.-]{0,252}[A-Za-z0-9_])?");

    private JdbcUrls() {}

    public static JdbcConnectionSpec build(ValidatedConnection connection) {
        return switch (connection.type()) {
            case POSTGRESQL -> postgresql(connection);
            case MYSQL, MARIADB -> mariadbDriver(connection);
            case SQLITE -> sqlite(connection);
            case DUCKDB -> duckdb(connection);
            case CLICKHOUSE -> clickhouse(connection);
            case TRINO -> trino(connection);
            case SQLSERVER -> sqlserver(connection);
        };
    }

    private static JdbcConnectionSpec postgresql(ValidatedConnection c) {
        Map<String, String> props = credentials(c);
        // Always a password, even empty: with none, pgjdbc would look one up in this server's own ~/.pgpass.
        props.putIfAbsent("password", "");
        props.put("sslmode", c.sslMode().id());
        props.putIfAbsent("ApplicationName", APPLICATION_NAME);
        String host = c.addressLiteral();
        String pinned = null;
        if (c.sslMode() == SslMode.VERIFY_FULL && hostName(c.displayHost())) {
            // The certificate is checked against the URL host, so the name stays there; the socket still goes to
            // the checked address (PinnedSocketFactory), never to a fresh DNS answer.
            host = c.displayHost();
            pinned = c.addressLiteral() + ":" + c.port();
            props.put("socketFactory", PinnedSocketFactory.class.getName());
            props.put("socketFactoryArg", pinned);
        }
        return new JdbcConnectionSpec(
                "jdbc:postgresql://" + host + ":" + c.port() + "/" + pathSegment(c.database()), props, pinned);
    }

    /** A validated DNS name (not an address literal), safe to place in a URL. */
    private static boolean hostName(String host) {
        return host != null && HOST_NAME.matcher(host).matches() && !host.matches("[0-9.]+") && !host.contains(":");
    }

    /**
     * MySQL and MariaDB both go through the MariaDB driver (see {@code DatabaseType}), so both get its URL scheme
     * and its option names: it accepts {@code jdbc:mysql:} only with {@code permitMysqlScheme} in the URL itself,
     * and knows none of Connector/J's option names or values.
     */
    private static JdbcConnectionSpec mariadbDriver(ValidatedConnection c) {
        Map<String, String> props = credentials(c);
        props.put(
                "sslMode",
                switch (c.sslMode()) {
                    case REQUIRE -> "trust";
                    case VERIFY_CA -> "verify-ca";
                    case VERIFY_FULL -> "verify-full";
                    // The driver has no "TLS if offered": a connection saved as prefer (never accepted) is plain.
                    default -> "disable";
                });
        props.put("allowLocalInfile", "false");
        props.put("allowMultiQueries", "false");
        // A server may otherwise redirect the client to another host, around the address check.
        props.put("permitRedirect", "false");
        String host = c.addressLiteral();
        String pinned = null;
        if (c.sslMode() == SslMode.VERIFY_FULL && hostName(c.displayHost())) {
            // As for PostgreSQL: the name for the certificate check, the checked address for the socket.
            host = c.displayHost();
            pinned = c.addressLiteral() + ":" + c.port();
            props.put("socketFactory", MariadbPinnedSocketFactory.class.getName());
            props.put(MariadbPinnedSocketFactory.OPTION, pinned);
        }
        return new JdbcConnectionSpec(
                "jdbc:mariadb://" + host + ":" + c.port() + "/" + pathSegment(c.database()), props, pinned);
    }

    /**
     * clickhouse-jdbc 0.10 runs jdbc-v2 on client-v2, whose TLS setting is {@code ssl_mode} ({@code TRUST}, {@code
     * VERIFY_CA}, {@code STRICT}; STRICT when absent). The older driver's {@code sslmode=none|strict} is not read by
     * it.
     */
    private static JdbcConnectionSpec clickhouse(ValidatedConnection c) {
        Map<String, String> props = credentials(c);
        props.put("ssl", Boolean.toString(c.sslMode().encrypts()));
        if (c.sslMode().encrypts()) {
            props.put("ssl_mode", c.sslMode() == SslMode.VERIFY_FULL ? "STRICT" : "TRUST");
        }
        return new JdbcConnectionSpec(
                "jdbc:clickhouse://" + c.addressLiteral() + ":" + c.port() + "/" + pathSegment(c.database()), props);
    }

    private static JdbcConnectionSpec trino(ValidatedConnection c) {
        Map<String, String> props = credentials(c);
        if (c.sslMode().encrypts()) {
            props.put("SSL", "true");
            props.put(
                    "SSLVerification",
                    switch (c.sslMode()) {
                        case VERIFY_FULL -> "FULL";
                        case VERIFY_CA -> "CA";
                        default -> "NONE";
                    });
        }
        if (c.sslMode() == SslMode.VERIFY_FULL && hostName(c.displayHost())) {
            // trino-jdbc checks the certificate against this name instead of the URL's IP (it is only valid with
            // SSLVerification=FULL); the connection still goes to the checked address in the URL.
            props.put("hostnameInCertificate", c.displayHost());
        }
        props.putIfAbsent("source", APPLICATION_NAME);
        StringBuilder url = new StringBuilder("jdbc:trino://" + c.addressLiteral() + ":" + c.port());
        if (c.database() != null) {
            for (String part : c.database().split("\\.")) {
                url.append('/').append(pathSegment(part));
            }
        }
        return new JdbcConnectionSpec(url.toString(), props);
    }

    private static JdbcConnectionSpec sqlserver(ValidatedConnection c) {
        Map<String, String> props = new LinkedHashMap<>();
        // Everything as properties: mssql-jdbc reads IPv6 literals only from serverName, and its URL uses ';'.
        props.put("serverName", c.address().getHostAddress());
        props.put("portNumber", Integer.toString(c.port()));
        if (c.database() != null) {
            props.put("databaseName", identifier(c.database()));
        }
        props.putAll(credentials(c));
        switch (c.sslMode()) {
            case DISABLE -> props.put("encrypt", "false");
            case REQUIRE -> {
                props.put("encrypt", "true");
                props.put("trustServerCertificate", "true");
            }
            default -> {
                props.put("encrypt", "true");
                props.put("trustServerCertificate", "false");
                props.put("hostNameInCertificate", c.displayHost());
            }
        }
        props.putIfAbsent("applicationName", APPLICATION_NAME);
        return new JdbcConnectionSpec("jdbc:sqlserver://", props);
    }

    private static JdbcConnectionSpec sqlite(ValidatedConnection c) {
        Map<String, String> props = new LinkedHashMap<>();
        // SQLITE_OPEN_READONLY alone: no write, and no creating a missing file.
        props.put("open_mode", "1");
        return new JdbcConnectionSpec("jdbc:sqlite:" + filePath(c), props);
    }

    private static JdbcConnectionSpec duckdb(ValidatedConnection c) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("duckdb.read_only", "true");
        // No reading other files or URLs from SQL, no extension downloads, and no SET to undo any of it.
        props.put("enable_external_access", "false");
        props.put("autoinstall_known_extensions", "false");
        props.put("autoload_known_extensions", "false");
        props.put("lock_configuration", "true");
        return new JdbcConnectionSpec("jdbc:duckdb:" + filePath(c), props);
    }

    /**
     * User, password and the allowlisted properties. Callers put their fixed settings after these, so no user
     * property can ever replace one (none is on an allowlist anyway).
     */
    private static Map<String, String> credentials(ValidatedConnection c) {
        Map<String, String> props = new LinkedHashMap<>(c.properties());
        props.put("user", c.username());
        if (c.password() != null) {
            props.put("password", c.password());
        }
        return props;
    }

    /** A database name as a URL path segment; empty when there is none. */
    private static String pathSegment(String value) {
        return value == null ? "" : identifier(value);
    }

    /** Validated names use only URL-safe characters; checked again here so no other caller can splice syntax. */
    private static String identifier(String value) {
        if (!FieldRules.identifier(value)) {
            throw new IllegalArgumentException("not a validated identifier");
        }
        return value;
    }

    private static String filePath(ValidatedConnection c) {
        String path = c.filePath().toString();
        if (!c.filePath().isAbsolute() || !FileSources.driverSafe(path)) {
            throw new IllegalArgumentException("not a validated file path");
        }
        return path;
    }
}
