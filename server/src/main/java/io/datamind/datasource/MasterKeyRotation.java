package io.datamind.datasource;

import io.datamind.common.ClusterLocks;
import io.datamind.secrets.AppSecrets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The operator's key rotation: started with the new key in {@code DATAMIND_MASTER_KEY} and the old ones in {@code
 * DATAMIND_PREVIOUS_MASTER_KEYS}, the server re-encrypts every stored secret under the new key once it is up. Every
 * owner of encrypted values registers a {@link CredentialRotation.Store} bean (connection passwords here, AI
 * provider keys in {@code aisettings}); one replica does the work, and a rerun finds only what it could not read.
 */
@Component
class MasterKeyRotation {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRotation.class);
    private static final int BATCH = 100;
    private static final String LOCK = "master-key-rotation";

    private final CredentialRotation rotation;
    private final List<CredentialRotation.Store> stores;
    private final ClusterLocks locks;
    private final boolean previousKeysConfigured;

    MasterKeyRotation(
            CredentialRotation rotation,
            List<CredentialRotation.Store> stores,
            ClusterLocks locks,
            AppSecrets secrets) {
        this.rotation = rotation;
        this.stores = stores;
        this.locks = locks;
        this.previousKeysConfigured = !secrets.previousMasterKeys().isEmpty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!previousKeysConfigured) {
            return;
        }
        try {
            if (run() == null) {
                log.info("Master key rotation: another replica is re-encrypting the stored secrets");
            }
        } catch (RuntimeException e) {
            // The server still works: values under a previous key are read with it until a later start succeeds.
            log.error("Master key rotation failed; restart to try again", e);
        }
    }

    /** Re-encrypts every store under the current key; null when another replica is doing it right now. */
    CredentialRotation.Result run() {
        AtomicReference<CredentialRotation.Result> total = new AtomicReference<>();
        locks.runExclusively(LOCK, Duration.ofHours(1), Duration.ZERO, () -> {
            int reencrypted = 0;
            int failed = 0;
            int changed = 0;
            for (CredentialRotation.Store store : stores) {
                CredentialRotation.Result result = rotation.reencryptAll(store, BATCH);
                reencrypted += result.reencrypted();
                failed += result.failed();
                changed += result.changedMeanwhile();
            }
            total.set(new CredentialRotation.Result(reencrypted, failed, changed));
        });
        CredentialRotation.Result result = total.get();
        if (result != null) {
            if (result.failed() == 0) {
                log.info(
                        "Master key rotation: {} stored secrets re-encrypted, {} changed meanwhile (already under the"
                                + " new key), none failed; DATAMIND_PREVIOUS_MASTER_KEYS can be removed",
                        result.reencrypted(),
                        result.changedMeanwhile());
            } else {
                log.warn(
                        "Master key rotation: {} stored secrets re-encrypted, {} cannot be decrypted with the current"
                                + " or previous keys (see the warnings above); keep DATAMIND_PREVIOUS_MASTER_KEYS until"
                                + " those are entered again or the missing key is added",
                        result.reencrypted(),
                        result.failed());
            }
        }
        return result;
    }
}
