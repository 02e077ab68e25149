package io.datamind.linking;

import java.util.Map;

/** The stored embeddings of one connection's tables and columns, by {@link EmbeddingTexts} key. */
final class SchemaVectors {

    static final SchemaVectors NONE = new SchemaVectors(Map.of());

    private final Map<String, float[]> byKey;

    SchemaVectors(Map<String, float[]> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    float[] get(String key) {
        return byKey.get(key);
    }

    boolean isEmpty() {
        return byKey.isEmpty();
    }

    int size() {
        return byKey.size();
    }

    /** Length of the vectors; 0 when there are none. */
    int dimensions() {
        return byKey.isEmpty() ? 0 : byKey.values().iterator().next().length;
    }
}
