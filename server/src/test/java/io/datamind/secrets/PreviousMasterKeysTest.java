package io.datamind.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreviousMasterKeysTest {

    @TempDir
    Path dataDir;

    @Test
    void previousKeysAreLoadedByKeyIdAndTheCurrentKeyIsNotRepeated() {
        String current = randomKey();
        String older = randomKey();
        String oldest = randomKey();
        AppSecrets secrets = load(current, List.of(older, " " + oldest + " ", "", current));

        assertThat(secrets.previousMasterKeys())
                .containsOnlyKeys(
                        AppSecrets.keyId(Base64.getDecoder().decode(older)),
                        AppSecrets.keyId(Base64.getDecoder().decode(oldest)));
        assertThat(secrets.previousMasterKeys()
                        .get(AppSecrets.keyId(Base64.getDecoder().decode(older))))
                .isEqualTo(Base64.getDecoder().decode(older));
    }

    @Test
    void noPreviousKeysByDefault() {
        assertThat(load(randomKey(), null).previousMasterKeys()).isEmpty();
    }

    @Test
    void refusesPreviousKeysThatAreNotAes256OrNotRandom() {
        byte[] longKey = new byte[48];
        new SecureRandom().nextBytes(longKey);
        assertThatThrownBy(() -> load(randomKey(), List.of(Base64.getEncoder().encodeToString(longKey))))
                .isInstanceOf(SecretProblem.class)
                .hasMessageContaining("DATAMIND_PREVIOUS_MASTER_KEYS");
        assertThatThrownBy(() -> load(randomKey(), List.of("changeme"))).isInstanceOf(SecretProblem.class);
        assertThatThrownBy(() -> load(randomKey(), List.of("not base64 !"))).isInstanceOf(SecretProblem.class);
    }

    @Test
    void theReturnedKeysAreCopies() {
        AppSecrets secrets = load(randomKey(), List.of(randomKey()));
        secrets.previousMasterKeys().values().forEach(key -> key[0] ^= 1);
        secrets.previousMasterKeys().clear();
        assertThat(secrets.previousMasterKeys()).hasSize(1);
    }

    private AppSecrets load(String master, List<String> previous) {
        SecretsProperties properties = new SecretsProperties(randomKey(), randomKey(), master, previous, false);
        return new SecretsLoader(properties, dataDir).load();
    }

    private static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
