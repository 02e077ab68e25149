package io.datamind.datasource;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Connection details that passed every check of {@link ConnectionDetailsValidator}. Only the validator can make one
 * (the constructor is package-private), so holding one proves the checks ran. Network sources carry the address the
 * host resolved to when it was checked; connections must go to that address, never to the host name again.
 */
public final class ValidatedConnection {

    private final String name;
    private final ConnectionType type;
    private final String displayHost;
    private final InetAddress address;
    private final int port;
    private final String database;
    private final String username;
    private final String password;
    private final SslMode sslMode;
    private final Map<String, String> properties;
    private final Path filePath;

    ValidatedConnection(
            String name,
            ConnectionType type,
            String displayHost,
            InetAddress address,
            int port,
            String database,
            String username,
            String password,
            SslMode sslMode,
            Map<String, String> properties,
            Path filePath) {
        this.name = name;
        this.type = Objects.requireNonNull(type);
        this.displayHost = displayHost;
        this.address = address;
        this.port = port;
        this.database = database;
        this.username = username;
        this.password = password;
        this.sslMode = sslMode;
        this.properties = Collections.unmodifiableMap(new TreeMap<>(properties));
        this.filePath = filePath;
    }

    /** Display name; null when validated for a test without a name. */
    public String name() {
        return name;
    }

    public ConnectionType type() {
        return type;
    }

    /** The host as the user typed it (lower-cased names, IPv6 without brackets): for display and TLS names. */
    public String displayHost() {
        return displayHost;
    }

    /** The checked address to connect to; null for file sources. */
    public InetAddress address() {
        return address;
    }

    /** The checked address as a URL host: IPv4 dotted, IPv6 in brackets; null for file sources. */
    public String addressLiteral() {
        if (address == null) {
            return null;
        }
        String text = address.getHostAddress();
        return address instanceof Inet6Address ? "[" + text + "]" : text;
    }

    /** The port to connect to (the type's default when none was given); 0 for file sources. */
    public int port() {
        return port;
    }

    /** Database name (Trino: {@code catalog} or {@code catalog.schema}); null when not given. */
    public String database() {
        return database;
    }

    public String username() {
        return username;
    }

    /** The password as given; null when none. Never log it. */
    public String password() {
        return password;
    }

    /** The TLS mode (the type's default when none was given); null for file sources. */
    public SslMode sslMode() {
        return sslMode;
    }

    /** Allowlisted driver properties, sorted by name. */
    public Map<String, String> properties() {
        return properties;
    }

    /** For file sources: the real (symlink-free) absolute path of the file inside the file root; otherwise null. */
    public Path filePath() {
        return filePath;
    }

    @Override
    public String toString() {
        return type.fileBased()
                ? "ValidatedConnection[" + type.id() + " " + filePath + "]"
                : "ValidatedConnection[" + type.id() + " " + displayHost + " (" + addressLiteral() + "):" + port + "/"
                        + database + " user=" + username + " ssl=" + sslMode.id() + " properties=" + properties + "]";
    }
}
