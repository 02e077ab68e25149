package io.datamind.datasource;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What a driver needs to connect: a URL without credentials or user-chosen parameters, and the properties (user,
 * password, TLS and allowlisted options). Made only by {@link JdbcUrls}.
 */
public final class JdbcConnectionSpec {

    private final String url;
    private final Map<String, String> properties;
    private final String pinnedAddress;

    JdbcConnectionSpec(String url, Map<String, String> properties) {
        this(url, properties, null);
    }

    JdbcConnectionSpec(String url, Map<String, String> properties, String pinnedAddress) {
        this.url = url;
        this.properties = new TreeMap<>(properties);
        this.pinnedAddress = pinnedAddress;
    }

    public String url() {
        return url;
    }

    /**
     * {@code ip:port} the socket must go to when the URL names the host (verify-full on PostgreSQL, MySQL, MariaDB;
     * the properties then already name the socket factory); null when the URL holds the address.
     */
    public String pinnedAddress() {
        return pinnedAddress;
    }

    /** A fresh copy each time, so a caller cannot change what the next caller gets. */
    public Properties properties() {
        Properties copy = new Properties();
        copy.putAll(properties);
        return copy;
    }

    /**
     * SHA-256 of the URL and every property (the password included), hex: equal for equal connections, different
     * whenever anything a pool depends on changes. Reveals nothing usable about the password.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            update(digest, url);
            for (Map.Entry<String, String> entry : properties.entrySet()) {
                update(digest, entry.getKey());
                update(digest, entry.getValue());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(MessageDigest digest, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        // Length-prefixed, so ("ab", "c") and ("a", "bc") differ.
        digest.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
        digest.update(bytes);
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>(properties);
        shown.computeIfPresent("password", (key, value) -> "***");
        return "JdbcConnectionSpec[" + url + " " + shown + "]";
    }
}
