package io.datamind.linking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param embeddings compute table and column embeddings after each schema sync and use them for selection; off, the
 *     selector matches words only and the embedding model is never loaded
 * @param embeddingMinTables schemas with fewer tables get no embeddings: they usually go to the model whole, and
 *     words alone rank a few tables well
 * @param maxColumnsPerTable wider tables show their keys and the columns closest to the question, up to this many
 */
@ConfigurationProperties("datamind.linking")
record LinkingProperties(
        @DefaultValue("true") boolean embeddings,
        @DefaultValue("20") int embeddingMinTables,
        @DefaultValue("25") int maxColumnsPerTable) {

    LinkingProperties {
        if (maxColumnsPerTable < 1) {
            throw new IllegalArgumentException("datamind.linking.max-columns-per-table must be at least 1");
        }
    }
}
