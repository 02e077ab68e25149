package io.datamind.datasource;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param fileRoot the only folder SQLite and DuckDB sources may read from; empty means {@code <data-dir>/files}
 * @param allowPrivateNetworks whether sources may be on loopback and private networks (10/8, 172.16/12,
 *     192.168/16, 100.64/10, fc00::/7); on by default for self-hosting next to the databases. Link-local and cloud
 *     metadata addresses are refused either way.
 */
@ConfigurationProperties("datamind.sources")
record SourcesProperties(
        String fileRoot, @DefaultValue("true") boolean allowPrivateNetworks) {

    Path fileRootIn(Path dataDir) {
        return fileRoot == null || fileRoot.isBlank() ? dataDir.resolve("files") : Path.of(fileRoot.trim());
    }
}
