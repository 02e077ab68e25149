package io.datamind.schema;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationStyle;

/**
 * @param syncThreads schema discoveries running at once (each holds one customer connection)
 * @param syncOnSave discover a connection's schema in the background as soon as it is created or changed
 * @param sampleValueBudget total time one discovery may spend collecting sample values of text columns
 * @param sampleQueryTimeout time limit of each sample value query
 * @param sampleMaxTableRows tables estimated larger than this get no sample values (a DISTINCT would be costly)
 * @param resyncInterval discover each connection's schema again when its last sync is older than this; 0 or blank
 *     switches the scheduled re-sync off
 */
@ConfigurationProperties("datamind.schema")
record SchemaProperties(
        @DefaultValue("2") int syncThreads,
        @DefaultValue("true") boolean syncOnSave,
        @DefaultValue("20s") Duration sampleValueBudget,
        @DefaultValue("3s") Duration sampleQueryTimeout,
        @DefaultValue("5000000") long sampleMaxTableRows,
        @DefaultValue("24h") String resyncInterval) {

    SchemaProperties {
        if (syncThreads < 1) {
            throw new IllegalArgumentException("datamind.schema.sync-threads must be at least 1");
        }
        // Read as text: a blank value must switch the re-sync off, where a Duration would fall back to the default.
        Duration resync = parseResync(resyncInterval);
        if (resync != null && resync.isNegative()) {
            throw new IllegalArgumentException("datamind.schema.resync-interval cannot be negative");
        }
    }

    /** The re-sync interval; null when switched off (blank or 0). */
    Duration resync() {
        Duration resync = parseResync(resyncInterval);
        return resync == null || resync.isZero() ? null : resync;
    }

    private static Duration parseResync(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return DurationStyle.detectAndParse(value.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "datamind.schema.resync-interval must be a duration such as 24h, 30m or 0 (off), not " + value, e);
        }
    }
}
