package io.datamind.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * In the running application the sample database is prepared after startup without anyone asking for it. It
 * uses its own directory: the shared test copy may be held open by other contexts' query pools, and DuckDB lets
 * one process open a file in only one configuration.
 */
@IntegrationTest
class SampleDatabaseStartupTest {

    @Autowired
    SampleDatabase sampleDatabase;

    static final Path DIR =
            Path.of(System.getProperty("java.io.tmpdir"), "datamind-test", "sample-startup-" + UUID.randomUUID());

    @DynamicPropertySource
    static void ownSampleDirectory(DynamicPropertyRegistry registry) {
        registry.add("datamind.sample.dir", DIR::toString);
    }

    @Test
    void theApplicationPreparesTheSampleDatabaseAfterStartup() {
        assertThat(sampleDatabase.path())
                .isEqualTo(
                        DIR.resolve(SampleDatabase.FILE_NAME).toAbsolutePath().normalize());

        assertThat(sampleDatabase.awaitReady(Duration.ofMinutes(2))).isTrue();

        assertThat(sampleDatabase.path()).isRegularFile();
        assertThat(SampleDatabaseFile.recordedVersion(sampleDatabase.path()))
                .hasValue(SampleDatabaseFile.GENERATOR_VERSION);
    }
}
