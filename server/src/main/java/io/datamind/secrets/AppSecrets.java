package io.datamind.secrets;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The keys the server signs tokens and encrypts credentials with; loaded once at start. */
public final class AppSecrets {

    private final byte[] jwtAccessKey;
    private final byte[] jwtRefreshKey;
    private final byte[] masterKey;
    private final String masterKeyId;

    AppSecrets(byte[] jwtAccessKey, byte[] jwtRefreshKey, byte[] masterKey) {
        this.jwtAccessKey = jwtAccessKey.clone();
        this.jwtRefreshKey = jwtRefreshKey.clone();
        this.masterKey = masterKey.clone();
        this.masterKeyId = keyId(masterKey);
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

    static String keyId(byte[] key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key);
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
