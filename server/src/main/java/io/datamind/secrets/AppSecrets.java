package io.datamind.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/** The keys the server signs tokens and encrypts credentials with; loaded once at start. */
public final class AppSecrets {

    private final byte[] jwtAccessKey;
    private final byte[] jwtRefreshKey;
    private final byte[] masterKey;
    private final String masterKeyId;
    private final Map<String, byte[]> previousMasterKeys;

    AppSecrets(byte[] jwtAccessKey, byte[] jwtRefreshKey, byte[] masterKey) {
        this(jwtAccessKey, jwtRefreshKey, masterKey, Map.of());
    }

    AppSecrets(byte[] jwtAccessKey, byte[] jwtRefreshKey, byte[] masterKey, Map<String, byte[]> previousMasterKeys) {
        this.jwtAccessKey = jwtAccessKey.clone();
        this.jwtRefreshKey = jwtRefreshKey.clone();
        this.masterKey = masterKey.clone();
        this.masterKeyId = keyId(masterKey);
        Map<String, byte[]> previous = new LinkedHashMap<>();
        previousMasterKeys.forEach((id, key) -> previous.put(id, key.clone()));
        this.previousMasterKeys = Collections.unmodifiableMap(previous);
    }

    public byte[] jwtAccessKey() {
        return jwtAccessKey.clone();
    }

    public byte[] jwtRefreshKey() {
        return jwtRefreshKey.clone();
    }

    /** AES-256 key for credentials at rest. */
    public byte[] masterKey() {
        return masterKey.clone();
    }

    /** Short, non-secret fingerprint stored beside each ciphertext so a rotated key can be told apart. */
    public String masterKeyId() {
        return masterKeyId;
    }

    /**
     * Master keys used before a rotation, by key id, so credentials stored under them can still be read and
     * re-encrypted under the current key. Empty unless {@code datamind.secrets.previous-master-keys} is set.
     */
    public Map<String, byte[]> previousMasterKeys() {
        Map<String, byte[]> copy = new LinkedHashMap<>();
        previousMasterKeys.forEach((id, key) -> copy.put(id, key.clone()));
        return copy;
    }

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
