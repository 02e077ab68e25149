package io.datamind.linking;

import io.datamind.schema.SchemaSnapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Computes and stores the embeddings of a connection's tables and columns after a schema sync. Items whose text did
 * not change keep their stored vector, so a sync of an unchanged schema computes nothing.
 */
@Component
class SchemaEmbeddingIndexer {

    private static final Logger log = LoggerFactory.getLogger(SchemaEmbeddingIndexer.class);
    private static final int CHUNK = 64;

    private final SchemaVectorRepository repository;
    private final SchemaVectorStore store;
    private final TextEmbedder embedder;
    private final LinkingProperties properties;
    private final Counter computed;

    SchemaEmbeddingIndexer(
            SchemaVectorRepository repository,
            SchemaVectorStore store,
            TextEmbedder embedder,
            LinkingProperties properties,
            MeterRegistry meters) {
        this.repository = repository;
        this.store = store;
        this.embedder = embedder;
        this.properties = properties;
        this.computed = Counter.builder("datamind.linking.embeddings.computed")
                .description("Table and column embeddings computed after schema syncs")
                .register(meters);
    }

    /**
     * Brings the stored embeddings of the snapshot's connection up to date.
     *
     * @return how many embeddings were computed
     */
    int index(UUID orgId, SchemaSnapshot snapshot) {
        UUID connectionId = snapshot.connectionId();
        if (!properties.embeddings() || snapshot.tables().size() < properties.embeddingMinTables()) {
            repository.deleteAll(connectionId);
            store.invalidate(connectionId);
            return 0;
        }
        long start = System.nanoTime();
        Map<String, String> stored = repository.hashes(connectionId);
        Map<String, EmbeddingTexts.Item> changed = new LinkedHashMap<>();
        Map<String, String> hashes = new LinkedHashMap<>();
        for (EmbeddingTexts.Item item : EmbeddingTexts.of(snapshot)) {
            String hash = hash(item.text());
            hashes.put(item.key(), hash);
            if (!hash.equals(stored.get(item.key()))) {
                changed.put(item.key(), item);
            }
        }
        List<String> removed = new ArrayList<>();
        for (String key : stored.keySet()) {
            if (!hashes.containsKey(key) || changed.containsKey(key)) {
                removed.add(key);
            }
        }
        List<SchemaVectorRepository.NewVector> added = new ArrayList<>(changed.size());
        List<EmbeddingTexts.Item> items = new ArrayList<>(changed.values());
        for (int from = 0; from < items.size(); from += CHUNK) {
            if (Thread.currentThread().isInterrupted()) {
                return added.size();
            }
            List<EmbeddingTexts.Item> chunk = items.subList(from, Math.min(items.size(), from + CHUNK));
            List<float[]> vectors = embedder.embedAll(
                    chunk.stream().map(EmbeddingTexts.Item::text).toList());
            for (int i = 0; i < chunk.size(); i++) {
                EmbeddingTexts.Item item = chunk.get(i);
                added.add(new SchemaVectorRepository.NewVector(item.key(), hashes.get(item.key()), vectors.get(i)));
            }
            computed.increment(chunk.size());
        }
        if (!removed.isEmpty() || !added.isEmpty()) {
            repository.replace(orgId, connectionId, removed, added, Instant.now());
            store.invalidate(connectionId);
        }
        log.info(
                "Embedded {} of {} tables and columns of connection {} in {} ms",
                added.size(),
                hashes.size(),
                connectionId,
                (System.nanoTime() - start) / 1_000_000);
        return added.size();
    }

    private String hash(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(embedder.modelId().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) '\n');
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
