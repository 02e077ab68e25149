package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CredentialCipherTest {

    private static final String CONTEXT = "connection:6f1c2d3e:password";
    private final byte[] keyA = key();
    private final byte[] keyB = key();
    private final CredentialCipher underA = new CredentialCipher("aaaa1111", keyA, Map.of());

    @Test
    void roundTripsAnyText() {
        for (String secret : new String[] {"s3cret", "", "pässwörd ✓ 密码", "x".repeat(5000), "a:b:c"}) {
            assertThat(underA.decrypt(underA.encrypt(secret, CONTEXT), CONTEXT)).isEqualTo(secret);
        }
    }

    @Test
    void storesVersionKeyIdAndIvPlusCiphertextPlusTag() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        String[] parts = stored.split(":");
        assertThat(parts).hasSize(3);
        assertThat(parts[0]).isEqualTo("v1");
        assertThat(parts[1]).isEqualTo("aaaa1111");
        // 12-byte IV + 6 bytes of text + 16-byte tag
        assertThat(Base64.getUrlDecoder().decode(parts[2])).hasSize(12 + 6 + 16);
        assertThat(stored).doesNotContain("s3cret");
    }

    @Test
    void aFreshIvEveryTime() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(underA.encrypt("same", CONTEXT));
        }
        assertThat(seen).hasSize(200);
    }

    @Test
    void detectsAnyChangedByte() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        String prefix = stored.substring(0, stored.lastIndexOf(':') + 1);
        byte[] data = Base64.getUrlDecoder().decode(stored.substring(prefix.length()));
        for (int i = 0; i < data.length; i++) {
            byte[] tampered = data.clone();
            tampered[i] ^= 0x01;
            String altered = prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);
            assertThatThrownBy(() -> underA.decrypt(altered, CONTEXT))
                    .isInstanceOf(CredentialCipherException.class)
                    .hasMessageContaining("integrity check");
        }
    }

    @Test
    void refusesAValueMovedToAnotherRecord() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        assertThatThrownBy(() -> underA.decrypt(stored, "connection:other:password"))
                .isInstanceOf(CredentialCipherException.class)
                .hasMessageContaining("copied from another record");
    }

    @Test
    void refusesTruncatedOrMalformedValues() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        for (String bad : new String[] {
            stored.substring(0, stored.length() - 4),
            "v1:aaaa1111:" + Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[20]),
            "v2" + stored.substring(2),
            "v1:aaaa1111",
            "v1::" + stored.substring(stored.lastIndexOf(':') + 1),
            "v1:zzzz:" + stored.substring(stored.lastIndexOf(':') + 1),
            "v1:aaaa1111:***",
            "plain text password",
            ""
        }) {
            assertThatThrownBy(() -> underA.decrypt(bad, CONTEXT))
                    .as(bad)
                    .isInstanceOf(CredentialCipherException.class);
        }
        assertThatThrownBy(() -> underA.decrypt(null, CONTEXT)).isInstanceOf(CredentialCipherException.class);
    }

    @Test
    void anUnknownKeyIdIsNamedInTheError() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        CredentialCipher underB = new CredentialCipher("bbbb2222", keyB, Map.of());
        assertThatThrownBy(() -> underB.decrypt(stored, CONTEXT))
                .isInstanceOf(CredentialCipherException.class)
                .hasMessageContaining("aaaa1111")
                .hasMessageContaining("previous-master-keys");
    }

    @Test
    void theWrongKeyUnderTheRightIdFailsTheIntegrityCheck() {
        String stored = underA.encrypt("s3cret", CONTEXT);
        CredentialCipher wrongKey = new CredentialCipher("aaaa1111", keyB, Map.of());
        assertThatThrownBy(() -> wrongKey.decrypt(stored, CONTEXT))
                .isInstanceOf(CredentialCipherException.class)
                .hasMessageContaining("integrity check");
    }

    @Test
    void editingTheKeyIdIsDetected() {
        CredentialCipher both = new CredentialCipher("bbbb2222", keyB, Map.of("aaaa1111", keyA));
        String stored = both.encrypt("s3cret", CONTEXT);
        // Same data, relabelled as encrypted under the other (known) key.
        String relabelled = stored.replace(":bbbb2222:", ":aaaa1111:");
        assertThatThrownBy(() -> both.decrypt(relabelled, CONTEXT)).isInstanceOf(CredentialCipherException.class);
    }

    @Test
    void rotationReadsOldValuesAndReencryptsUnderTheNewKey() {
        String old = underA.encrypt("s3cret", CONTEXT);
        CredentialCipher rotated = new CredentialCipher("bbbb2222", keyB, Map.of("aaaa1111", keyA));

        assertThat(rotated.decrypt(old, CONTEXT)).isEqualTo("s3cret");
        assertThat(rotated.isCurrent(old)).isFalse();

        String fresh = rotated.reencrypt(old, CONTEXT);
        assertThat(fresh).startsWith("v1:bbbb2222:");
        assertThat(rotated.isCurrent(fresh)).isTrue();
        assertThat(rotated.reencrypt(fresh, CONTEXT)).isSameAs(fresh);

        // Once everything is re-encrypted, the old key can go.
        CredentialCipher newOnly = new CredentialCipher("bbbb2222", keyB, Map.of());
        assertThat(newOnly.decrypt(fresh, CONTEXT)).isEqualTo("s3cret");
        assertThatThrownBy(() -> newOnly.decrypt(old, CONTEXT)).isInstanceOf(CredentialCipherException.class);
    }

    @Test
    void refusesKeysThatAreNotAes256() {
        assertThatThrownBy(() -> new CredentialCipher("aaaa1111", new byte[16], Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialCipher("not hex!", keyA, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
