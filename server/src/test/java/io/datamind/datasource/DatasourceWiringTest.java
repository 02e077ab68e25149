package io.datamind.datasource;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.common.DataMindProperties;
import io.datamind.secrets.AppSecrets;
import io.datamind.support.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The module's beans in the running application, with the default settings. */
@IntegrationTest
class DatasourceWiringTest {

    @Autowired
    ConnectionDetailsValidator validator;

    @Autowired
    CredentialCipher cipher;

    @Autowired
    AppSecrets secrets;

    @Autowired
    DataMindProperties dataMind;

    @Test
    void theFileRootDefaultsToTheFilesFolderOfTheDataDirectoryAndExists() throws Exception {
        Path expected = dataMind.dataDir().resolve("files").toAbsolutePath().normalize();
        assertThat(validator.fileRoot()).isEqualTo(expected);
        assertThat(Files.isDirectory(expected)).isTrue();

        Files.writeString(expected.resolve("probe.sqlite"), "x");
        ValidatedConnection connection = validator.validateForSave(
                new ConnectionDetails("Probe", "sqlite", null, null, null, null, null, null, null, "probe.sqlite"));
        assertThat(connection.filePath())
                .isEqualTo(expected.resolve("probe.sqlite").toRealPath());
    }

    @Test
    void privateNetworksAreAllowedByDefault() {
        ValidatedConnection connection = validator.validateForTest(
                new ConnectionDetails(null, "postgresql", "127.0.0.1", null, "test", "u", null, null, null, null));
        assertThat(connection.address().isLoopbackAddress()).isTrue();
    }

    @Test
    void theCipherUsesTheMasterKey() {
        String stored = cipher.encrypt("s3cret", "connection:x:password");
        assertThat(stored).startsWith("v1:" + secrets.masterKeyId() + ":");
        assertThat(cipher.decrypt(stored, "connection:x:password")).isEqualTo("s3cret");
        assertThat(secrets.previousMasterKeys()).isEmpty();
    }
}
