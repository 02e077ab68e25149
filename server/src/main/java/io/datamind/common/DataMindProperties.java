package io.datamind.common;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings shared by every module.
 *
 * @param dataDir where DataMind keeps its embedded database, generated secrets and file sources
 * @param maxJsonBody largest JSON request body accepted, in bytes
 */
@ConfigurationProperties("datamind")
public record DataMindProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("1048576") long maxJsonBody) {}
