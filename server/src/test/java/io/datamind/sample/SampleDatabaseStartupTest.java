package io.datamind.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamind.support.IntegrationTest;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** In the running application the sample database is prepared after startup without anyone asking for it. */
@IntegrationTest
class SampleDatabaseStartupTest {

    @Autowired
    SampleDatabase sampleDatabase;

    @Value("${datamind.sample.dir}")
    String configuredDir;

    @Test
    void theApplicationPreparesTheSampleDatabaseAfterStartup() {
        assertThat(sampleDatabase.path())
                .isEqualTo(Path.of(configuredDir)
                        .resolve(SampleDatabase.FILE_NAME)
                        .toAbsolutePath()
                        .normalize());

        assertThat(sampleDatabase.awaitReady(Duration.ofMinutes(2))).isTrue();

        assertThat(sampleDatabase.path()).isRegularFile();
        assertThat(SampleDatabaseFile.recordedVersion(sampleDatabase.path()))
                .hasValue(SampleDatabaseFile.GENERATOR_VERSION);
    }
}
