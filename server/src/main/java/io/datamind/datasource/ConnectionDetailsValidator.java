package io.datamind.datasource;

import io.datamind.common.ApiException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The one gate connection details pass before anything is saved or connected. Every field is checked by syntax
 * first, with no network or file system access; only when all of them pass is the host resolved (once) and each of
 * its addresses judged, or the file's real path resolved inside the file root. Every refusal is an {@link
 * ApiException} 400 whose {@code errors} name the field.
 */
public final class ConnectionDetailsValidator {

    private final AddressPolicy addresses;
    private final FileSources files;
    private final HostResolver resolver;

    ConnectionDetailsValidator(boolean allowPrivateNetworks, Path fileRoot, HostResolver resolver) {
        this(allowPrivateNetworks, fileRoot, null, resolver);
    }

    /** @param reserved a folder file sources may never lead into, even when the file root contains it */
    ConnectionDetailsValidator(boolean allowPrivateNetworks, Path fileRoot, Path reserved, HostResolver resolver) {
        this.addresses = new AddressPolicy(allowPrivateNetworks);
        this.files = new FileSources(fileRoot, reserved);
        this.resolver = resolver;
    }

    /** Checks details for a test connection: a name is not needed. */
    public ValidatedConnection validateForTest(ConnectionDetails details) {
        return validate(details, false);
    }

    /** Checks details before they are saved: as for a test, and a name is required. */
    public ValidatedConnection validateForSave(ConnectionDetails details) {
        return validate(details, true);
    }

    /** The folder file sources are read from. */
    public Path fileRoot() {
        return files.root();
    }

    private ValidatedConnection validate(ConnectionDetails details, boolean named) {
        if (details == null) {
            throw FieldErrors.invalid("type", "is required");
        }
        FieldErrors errors = new FieldErrors();
        String name = named ? checkName(details.name(), errors) : details.name();
        ConnectionType type = checkType(details.type(), errors);
        if (type == null) {
            // Without a type no other field can be judged.
            errors.throwIfAny();
        }
        return type.fileBased()
                ? validateFile(name, type, details, errors)
                : validateNetwork(name, type, details, errors);
    }

    private ValidatedConnection validateFile(
            String name, ConnectionType type, ConnectionDetails details, FieldErrors errors) {
        notUsed(type, "host", details.host(), errors);
        notUsed(type, "port", details.port() == null ? null : details.port().toString(), errors);
        notUsed(type, "database", details.database(), errors);
        notUsed(type, "username", details.username(), errors);
        notUsed(type, "password", details.password(), errors);
        notUsed(type, "sslMode", details.sslMode(), errors);
        DriverProperties.check(type, details.properties(), errors);
        FileSources.checkSyntax(details.filePath(), errors);
        errors.throwIfAny();
        // Only now, with every field syntactically sound, is the file system consulted.
        Path file = files.resolve(details.filePath(), errors);
        errors.throwIfAny();
        return new ValidatedConnection(name, type, null, null, 0, null, null, null, null, Map.of(), file);
    }

    private ValidatedConnection validateNetwork(
            String name, ConnectionType type, ConnectionDetails details, FieldErrors errors) {
        notUsed(type, FileSources.FIELD, details.filePath(), errors);
        HostSyntax.Host host = HostSyntax.parse(details.host(), "host", errors);
        SslMode sslMode = checkSslMode(type, details.sslMode(), errors);
        int port = checkPort(type, details.port(), sslMode, errors);
        String database = checkDatabase(type, details.database(), errors);
        String username = checkUsername(details.username(), errors);
        String password = checkPassword(type, details.password(), sslMode, errors);
        Map<String, String> properties = DriverProperties.check(type, details.properties(), errors);
        errors.throwIfAny();
        // Only now, with every field syntactically sound, may a DNS query leave.
        InetAddress address = host.literal() != null ? checkLiteral(host) : resolveAndCheck(host.display());
        return new ValidatedConnection(
                name, type, host.display(), address, port, database, username, password, sslMode, properties, null);
    }

    private InetAddress checkLiteral(HostSyntax.Host host) {
        String refusal = addresses.refusal(host.literal());
        if (refusal != null) {
            throw FieldErrors.invalid("host", host.display() + " " + refusal);
        }
        return host.literal();
    }

    private InetAddress resolveAndCheck(String name) {
        InetAddress[] resolved;
        try {
            resolved = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw FieldErrors.invalid("host", name + " cannot be resolved");
        }
        if (resolved == null || resolved.length == 0) {
            throw FieldErrors.invalid("host", name + " cannot be resolved");
        }
        // Every address must pass: a name with one public and one metadata address is refused as a whole.
        for (InetAddress address : resolved) {
            String refusal = addresses.refusal(address);
            if (refusal != null) {
                throw FieldErrors.invalid(
                        "host", name + " resolves to " + address.getHostAddress() + ", which " + refusal);
            }
        }
        // Keep only the numeric address, so nothing later can trigger a lookup of the name again.
        return HostSyntax.pinned(resolved[0]);
    }

    private static String checkName(String name, FieldErrors errors) {
        if (name == null || name.isBlank()) {
            errors.add("name", "is required");
            return null;
        }
        String trimmed = name.strip();
        if (trimmed.length() > FieldRules.MAX_NAME) {
            errors.add("name", "is too long (at most " + FieldRules.MAX_NAME + " characters)");
        } else if (FieldRules.hasControlOrFormat(trimmed)) {
            errors.add("name", "must not contain control or invisible formatting characters");
        }
        return trimmed;
    }

    private static ConnectionType checkType(String type, FieldErrors errors) {
        if (FieldRules.blank(type)) {
            errors.add("type", "is required");
            return null;
        }
        return ConnectionType.fromId(type).orElseGet(() -> {
            errors.add(
                    "type",
                    "must be one of "
                            + Arrays.stream(ConnectionType.values())
                                    .map(ConnectionType::id)
                                    .collect(Collectors.joining(", ")));
            return null;
        });
    }

    private static SslMode checkSslMode(ConnectionType type, String value, FieldErrors errors) {
        if (FieldRules.blank(value)) {
            return type.defaultSslMode();
        }
        SslMode mode = SslMode.fromId(value).orElse(null);
        if (mode == null || !type.sslModes().contains(mode)) {
            errors.add(
                    "sslMode",
                    "must be one of "
                            + type.sslModes().stream().map(SslMode::id).collect(Collectors.joining(", "))
                            + " for " + type.id());
            return type.defaultSslMode();
        }
        return mode;
    }

    private static int checkPort(ConnectionType type, Integer port, SslMode sslMode, FieldErrors errors) {
        if (port == null) {
            return type.defaultPort(sslMode);
        }
        if (port < 1 || port > 65535) {
            errors.add("port", "must be between 1 and 65535");
        }
        return port;
    }

    private static String checkDatabase(ConnectionType type, String database, FieldErrors errors) {
        if (FieldRules.blank(database)) {
            if (type == ConnectionType.TRINO) {
                // As in most SQL tools: without a catalog, every catalog's schemas (system's too) would be
                // discovered under names that collide and that queries could not use unqualified.
                errors.add(
                        "database",
                        "is required for trino: the catalog to query (e.g. hive), or catalog.schema; tables are"
                                + " discovered and queried as schema.table in that catalog");
            }
            return null;
        }
        if (!FieldRules.identifier(database)) {
            errors.add(
                    "database",
                    "may contain only ASCII letters, digits and _ . $ - (no spaces or URL syntax such as"
                            + " / ? # & ; = % ( ) , @ :)");
            return null;
        }
        if (type == ConnectionType.TRINO && !database.matches("[^.]+(\\.[^.]+)?")) {
            errors.add("database", "must be a catalog, or catalog.schema");
            return null;
        }
        return database;
    }

    private static String checkUsername(String username, FieldErrors errors) {
        if (FieldRules.blank(username)) {
            errors.add("username", "is required");
            return null;
        }
        if (!FieldRules.identifier(username)) {
            errors.add(
                    "username",
                    "may contain only ASCII letters, digits and _ . $ - (no spaces, control characters or URL"
                            + " syntax such as / ? # & ; = % ( ) , @ :)");
            return null;
        }
        return username;
    }

    private static String checkPassword(ConnectionType type, String password, SslMode sslMode, FieldErrors errors) {
        if (FieldRules.blank(password)) {
            return null;
        }
        if (password.length() > FieldRules.MAX_PASSWORD) {
            errors.add("password", "is too long (at most " + FieldRules.MAX_PASSWORD + " characters)");
        } else if (password.chars().anyMatch(Character::isISOControl)) {
            errors.add("password", "must not contain control characters");
        } else if (type == ConnectionType.TRINO && !sslMode.encrypts()) {
            // The Trino driver only sends a password over TLS; say so now rather than at connect time.
            errors.add("password", "needs TLS for trino: set sslMode to require, verify-ca or verify-full");
        }
        return password;
    }

    private static void notUsed(ConnectionType type, String field, String value, FieldErrors errors) {
        if (!FieldRules.blank(value)) {
            errors.add(
                    field,
                    type.fileBased()
                            ? "is not used by " + type.id() + " (file sources only take filePath)"
                            : "is only used by file sources (sqlite, duckdb)");
        }
    }
}
