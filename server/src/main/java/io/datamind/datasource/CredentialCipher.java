package io.datamind.datasource;

import io.datamind.secrets.AppSecrets;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts credentials at rest with AES-256-GCM under the master key. The stored form is {@code
 * v1:<keyId>:<base64url(iv | ciphertext | tag)>} with a random 96-bit IV and a 128-bit tag; the key id says which
 * master key to use, so after a rotation older values are still read (through {@code
 * datamind.secrets.previous-master-keys}) and can be re-encrypted with {@link #reencrypt}.
 *
 * <p>The version, key id and a caller-chosen context (for example {@code connection:<id>:password}) are
 * authenticated along with the ciphertext: a value copied to another record, or with its key id edited, fails to
 * decrypt instead of silently yielding another record's secret.
 */
public final class CredentialCipher {

    static final String VERSION = "v1";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();
    private final SecureRandom random = new SecureRandom();

    CredentialCipher(String currentKeyId, byte[] currentKey, Map<String, byte[]> previousKeys) {
        this.currentKeyId = requireKeyId(currentKeyId);
        keys.put(currentKeyId, aesKey(currentKey));
        previousKeys.forEach((id, key) -> keys.putIfAbsent(requireKeyId(id), aesKey(key)));
    }

    static CredentialCipher from(AppSecrets secrets) {
        return new CredentialCipher(secrets.masterKeyId(), secrets.masterKey(), secrets.previousMasterKeys());
    }

    /** The id of the key new values are encrypted under. */
    public String currentKeyId() {
        return currentKeyId;
    }

    /** Encrypts under the current key; {@code context} must be given again, identical, to decrypt. */
    public String encrypt(String plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData(currentKeyId, context));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            return VERSION + ":" + currentKeyId + ":"
                    + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Decrypts a value made by {@link #encrypt} under the current or a previous key, with the same context. */
    public String decrypt(String stored, String context) {
        Parsed parsed = parse(stored);
        SecretKey key = keys.get(parsed.keyId());
        if (key == null) {
            throw new CredentialCipherException("A stored credential was encrypted under master key id "
                    + parsed.keyId() + ", which is neither the current master key (" + currentKeyId
                    + ") nor listed in datamind.secrets.previous-master-keys");
        }
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, parsed.data(), 0, IV_BYTES));
            cipher.updateAAD(associatedData(parsed.keyId(), context));
            byte[] plain = cipher.doFinal(parsed.data(), IV_BYTES, parsed.data().length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new CredentialCipherException(
                    "A stored credential failed its integrity check: it was altered, copied from another record,"
                            + " or the key configured with id " + parsed.keyId() + " is not the one it was encrypted"
                            + " with",
                    e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Whether the value is already under the current key (rotation can skip it). */
    public boolean isCurrent(String stored) {
        return parse(stored).keyId().equals(currentKeyId);
    }

    /** The value under the current key: unchanged when it already is, else decrypted and encrypted again. */
    public String reencrypt(String stored, String context) {
        return isCurrent(stored) ? stored : encrypt(decrypt(stored, context), context);
    }

    private static byte[] associatedData(String keyId, String context) {
        Objects.requireNonNull(context, "context");
        return (VERSION + ":" + keyId + ":" + context).getBytes(StandardCharsets.UTF_8);
    }

    private record Parsed(String keyId, byte[] data) {}

    private static Parsed parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split(":", -1);
        if (parts.length != 3 || !VERSION.equals(parts[0]) || !validKeyId(parts[1])) {
            throw new CredentialCipherException(
                    "A stored credential is not in the expected form " + VERSION + ":<key id>:<data>");
        }
        byte[] data;
        try {
            data = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new CredentialCipherException("A stored credential's data is not valid base64", e);
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new CredentialCipherException("A stored credential is too short to be valid (truncated?)");
        }
        return new Parsed(parts[1], data);
    }

    private static boolean validKeyId(String id) {
        return id.length() >= 4
                && id.length() <= 64
                && id.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128);
    }

    private static String requireKeyId(String id) {
        if (id == null || !validKeyId(id)) {
            throw new IllegalArgumentException("key ids are 4 to 64 hex digits");
        }
        return id;
    }

    private static SecretKey aesKey(byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("AES-256 keys are 32 bytes");
        }
        return new SecretKeySpec(key, "AES");
    }
}
