package io.datamind.linking;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * all-MiniLM-L6-v2 (384 dimensions) run in process by ONNX Runtime; the model ships inside its jar, nothing is
 * downloaded. Loaded on first use only (about a second, and some 200 MB of native memory), so instances that never
 * link a large schema never pay for it.
 */
@Component
class MiniLmEmbedder implements TextEmbedder, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MiniLmEmbedder.class);
    private static final String MODEL = "all-minilm-l6-v2.onnx";
    private static final String TOKENIZER = "all-minilm-l6-v2-tokenizer.json";

    private volatile Model model;
    private RuntimeException failure;
    private Path directory;

    @Override
    public String modelId() {
        return "all-minilm-l6-v2";
    }

    @Override
    public float[] embed(String text) {
        return model().embed(text).content().vector();
    }

    @Override
    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = new ArrayList<>(texts.size());
        for (String text : texts) {
            segments.add(TextSegment.from(text));
        }
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (Embedding embedding : model().embedAll(segments).content()) {
            vectors.add(embedding.vector());
        }
        return vectors;
    }

    boolean loaded() {
        return model != null;
    }

    private Model model() {
        Model current = model;
        if (current == null) {
            synchronized (this) {
                current = model;
                if (current == null) {
                    // A model that failed to load fails the same way until a restart; no 90 MB unpacking per call.
                    if (failure != null) {
                        throw failure;
                    }
                    try {
                        current = load();
                    } catch (RuntimeException e) {
                        failure = e;
                        throw e;
                    }
                    model = current;
                }
            }
        }
        return current;
    }

    // Loading from the jar's stream would copy the 90 MB model through a growing heap buffer (several hundred MB at
    // peak); from a file, ONNX Runtime reads it natively.
    private Model load() {
        long start = System.nanoTime();
        try {
            directory = Files.createTempDirectory("datamind-minilm");
            Path modelFile = extract(MODEL);
            OrtEnvironment environment = OrtEnvironment.getEnvironment();
            // One thread per embedding, without spinning: a question's embedding takes a few milliseconds, and on a
            // busy machine threads spinning for work would only slow everything else down.
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            options.addConfigEntry("session.inter_op.allow_spinning", "0");
            OrtSession session = environment.createSession(modelFile.toString(), options);
            OnnxBertBiEncoder encoder;
            try (InputStream tokenizer = resource(TOKENIZER)) {
                encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
            }
            Model loaded = new Model(encoder);
            log.info("Loaded the embedding model {} in {} ms", modelId(), (System.nanoTime() - start) / 1_000_000);
            return loaded;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot unpack the embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the embedding model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IOException("Missing " + name + " on the class path");
        }
        return in;
    }

    private Path extract(String resource) throws IOException {
        Path target = directory.resolve(resource);
        try (InputStream in = resource(resource)) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    @Override
    public void destroy() throws IOException {
        if (directory != null) {
            try (Stream<Path> files = Files.list(directory)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
            }
            Files.deleteIfExists(directory);
        }
    }

    /** The library's model around our own ONNX session; embeddings run on the caller's thread. */
    private static final class Model extends AbstractInProcessEmbeddingModel {

        private final OnnxBertBiEncoder encoder;

        Model(OnnxBertBiEncoder encoder) {
            super(Runnable::run);
            this.encoder = encoder;
        }

        @Override
        protected OnnxBertBiEncoder model() {
            return encoder;
        }
    }
}
