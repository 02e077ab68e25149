package io.datamind.datasource;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-encrypts stored credentials under the current master key after a rotation. Each owner of encrypted values (the
 * connection repository first) implements {@link Store}; the admin command walks the stores batch by batch, by id,
 * so it is restartable, never loads everything at once, and a value it cannot decrypt is counted and skipped rather
 * than stopping the rest. Writes are compare-and-set, so a value changed meanwhile by a user is left alone.
 */
public final class CredentialRotation {

    private static final Logger log = LoggerFactory.getLogger(CredentialRotation.class);

    /** One encrypted value, with the context it was encrypted with. */
    public record StoredCredential(String id, String context, String ciphertext) {}

    /** How a run went. Once {@code failed} is 0 and a run finds nothing, previous keys can be removed. */
    public record Result(int reencrypted, int failed, int changedMeanwhile) {}

    /** Where encrypted values live. */
    public interface Store {

        /** Up to {@code limit} values not under {@code keyId} whose id sorts after {@code afterId} (null: from the start). */
        List<StoredCredential> notUnderKey(String keyId, String afterId, int limit);

        /** Replaces the value only if it still equals {@code credential.ciphertext()}; false when it had changed. */
        boolean replace(StoredCredential credential, String reencrypted);
    }

    private final CredentialCipher cipher;

    public CredentialRotation(CredentialCipher cipher) {
        this.cipher = cipher;
    }

    public Result reencryptAll(Store store, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1");
        }
        int reencrypted = 0;
        int failed = 0;
        int changed = 0;
        String after = null;
        while (true) {
            List<StoredCredential> batch = store.notUnderKey(cipher.currentKeyId(), after, batchSize);
            for (StoredCredential credential : batch) {
                try {
                    String fresh = cipher.reencrypt(credential.ciphertext(), credential.context());
                    if (store.replace(credential, fresh)) {
                        reencrypted++;
                    } else {
                        changed++;
                    }
                } catch (CredentialCipherException e) {
                    failed++;
                    log.warn("Cannot re-encrypt credential {}: {}", credential.id(), e.getMessage());
                }
                after = credential.id();
            }
            if (batch.size() < batchSize) {
                return new Result(reencrypted, failed, changed);
            }
        }
    }
}
