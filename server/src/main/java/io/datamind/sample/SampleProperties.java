package io.datamind.sample;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param dir directory of the generated sample database; empty means {@code <datamind.data-dir>/sample}
 */
@ConfigurationProperties("datamind.sample")
record SampleProperties(Path dir) {

    Path directory(Path dataDir) {
        return dir != null ? dir : dataDir.resolve("sample");
    }
}
