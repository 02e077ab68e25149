package io.datamind.linking;

import java.util.List;

/** Sentence embeddings: unit-length vectors whose dot product is the texts' cosine similarity. */
interface TextEmbedder {

    /** Names the model, so vectors stored by another model are recomputed rather than compared. */
    String modelId();

    float[] embed(String text);

    List<float[]> embedAll(List<String> texts);
}
