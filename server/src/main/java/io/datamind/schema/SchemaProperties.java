package io.datamind.schema;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param syncThreads schema discoveries running at once (each holds one customer connection)
 * @param syncOnSave discover a connection's schema in the background as soon as it is created or changed
 * @param sampleValueBudget total time one discovery may spend collecting sample values of text columns
 * @param sampleQueryTimeout time limit of each sample value query
 * @param sampleMaxTableRows tables estimated larger than this get no sample values (a DISTINCT would be costly)
 */
@ConfigurationProperties("datamind.schema")
record SchemaProperties(
        @DefaultValue("2") int syncThreads,
        @DefaultValue("true") boolean syncOnSave,
        @DefaultValue("20s") Duration sampleValueBudget,
        @DefaultValue("3s") Duration sampleQueryTimeout,
        @DefaultValue("5000000") long sampleMaxTableRows) {

    SchemaProperties {
        if (syncThreads < 1) {
            throw new IllegalArgumentException("datamind.schema.sync-threads must be at least 1");
        }
    }
}
