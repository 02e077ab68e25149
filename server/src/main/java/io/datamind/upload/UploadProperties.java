package io.datamind.upload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxSize largest file accepted; larger uploads are refused with 413 before they are stored
 * @param maxColumns most columns a file may have
 * @param writeWait how long an upload waits for running queries on the Uploads connection to end before it gives up
 *     with 503 (the DuckDB file is written alone)
 */
@ConfigurationProperties("datamind.uploads")
record UploadProperties(
        @DefaultValue("100MB") DataSize maxSize,
        @DefaultValue("1000") int maxColumns,
        @DefaultValue("60s") Duration writeWait) {

    UploadProperties {
        if (maxSize.toBytes() < 1) {
            throw new IllegalArgumentException("datamind.uploads.max-size must be positive");
        }
        if (maxColumns < 1) {
            throw new IllegalArgumentException("datamind.uploads.max-columns must be at least 1");
        }
    }
}
