package io.datamind.datasource;

import java.util.Locale;
import java.util.Optional;

/**
 * Transport security for network sources, in PostgreSQL's vocabulary; each driver's own setting is derived from it
 * (see {@link JdbcUrls}). Not every type offers every mode: see {@link ConnectionDetailsValidator}.
 */
public enum SslMode {
    /** Plain TCP. */
    DISABLE("disable"),
    /** TLS when the server offers it, plain otherwise (open to downgrade). */
    PREFER("prefer"),
    /** Always TLS, certificate not checked. */
    REQUIRE("require"),
    /** Always TLS, certificate chain checked against the trust store, host name not checked. */
    VERIFY_CA("verify-ca"),
    /** Always TLS, certificate chain and host name checked. */
    VERIFY_FULL("verify-full");

    private final String id;

    SslMode(String id) {
        this.id = id;
    }

    /** The API value ({@code "verify-full"}). */
    public String id() {
        return id;
    }

    /** Whether the connection is always encrypted. */
    public boolean encrypts() {
        return this != DISABLE && this != PREFER;
    }

    static Optional<SslMode> fromId(String value) {
        if (value == null || !value.chars().allMatch(c -> c < 128)) {
            return Optional.empty();
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (SslMode mode : values()) {
            if (mode.id.equals(lower)) {
                return Optional.of(mode);
            }
        }
        return Optional.empty();
    }
}
