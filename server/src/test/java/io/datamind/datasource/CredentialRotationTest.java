package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CredentialRotationTest {

    private final byte[] oldKey = CredentialCipherTest.key();
    private final byte[] newKey = CredentialCipherTest.key();
    private final byte[] lostKey = CredentialCipherTest.key();
    private final CredentialCipher before = new CredentialCipher("aaaa0001", oldKey, Map.of());
    private final CredentialCipher lost = new CredentialCipher("cccc0003", lostKey, Map.of());
    private final CredentialCipher after = new CredentialCipher("bbbb0002", newKey, Map.of("aaaa0001", oldKey));

    @Test
    void reencryptsEverythingInBatchesAndSkipsWhatItCannotRead() {
        InMemoryStore store = new InMemoryStore();
        for (int i = 0; i < 25; i++) {
            store.put(String.format("id%03d", i), before.encrypt("secret" + i, "connection:" + i));
        }
        store.put("id100", lost.encrypt("gone", "connection:100"));
        store.put("id101", after.encrypt("already", "connection:101"));

        CredentialRotation.Result result = new CredentialRotation(after).reencryptAll(store, 4);

        assertThat(result).isEqualTo(new CredentialRotation.Result(25, 1, 0));
        for (int i = 0; i < 25; i++) {
            String stored = store.values.get(String.format("id%03d", i));
            assertThat(stored).startsWith("v1:bbbb0002:");
            assertThat(new CredentialCipher("bbbb0002", newKey, Map.of()).decrypt(stored, "connection:" + i))
                    .isEqualTo("secret" + i);
        }
        // A second run finds only the unreadable one, and ends.
        assertThat(new CredentialRotation(after).reencryptAll(store, 4))
                .isEqualTo(new CredentialRotation.Result(0, 1, 0));
    }

    @Test
    void leavesAValueThatChangedMeanwhile() {
        InMemoryStore store = new InMemoryStore();
        store.put("id1", before.encrypt("old", "connection:1"));
        store.changeBeforeReplace = "id1";
        CredentialRotation.Result result = new CredentialRotation(after).reencryptAll(store, 10);
        assertThat(result).isEqualTo(new CredentialRotation.Result(0, 0, 1));
    }

    /** Mirrors what a repository does with SQL: ORDER BY id, WHERE value NOT LIKE 'v1:<id>:%', compare-and-set. */
    private static final class InMemoryStore implements CredentialRotation.Store {
        final TreeMap<String, String> values = new TreeMap<>();
        String changeBeforeReplace;

        void put(String id, String value) {
            values.put(id, value);
        }

        @Override
        public List<CredentialRotation.StoredCredential> notUnderKey(String keyId, String afterId, int limit) {
            List<CredentialRotation.StoredCredential> batch = new ArrayList<>();
            Map<String, String> tail = afterId == null ? values : values.tailMap(afterId, false);
            for (Map.Entry<String, String> entry : tail.entrySet()) {
                if (!entry.getValue().startsWith("v1:" + keyId + ":") && batch.size() < limit) {
                    batch.add(new CredentialRotation.StoredCredential(
                            entry.getKey(),
                            "connection:" + entry.getKey().substring(2).replaceFirst("^0+(?=.)", ""),
                            entry.getValue()));
                }
            }
            return batch;
        }

        @Override
        public boolean replace(CredentialRotation.StoredCredential credential, String reencrypted) {
            if (credential.id().equals(changeBeforeReplace)) {
                values.put(credential.id(), "v1:bbbb0002:changed-by-a-user");
            }
            if (!values.get(credential.id()).equals(credential.ciphertext())) {
                return false;
            }
            values.put(credential.id(), reencrypted);
            return true;
        }
    }
}
