package io.datamind.offline;

import io.datamind.schema.SchemaSnapshot;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The offline question-to-SQL engine: deterministic, schema-driven, no network and no model. It links the words
 * of a question to the schema, parses the question's structure into a small plan, joins tables along foreign
 * keys and writes the plan in the requested dialect. When too much of the question is left unexplained it
 * declines rather than guess.
 */
@Component
public class OfflineEngine {

    /** Below this confidence the engine declines. */
    public static final double THRESHOLD = 0.55;

    private static final int CACHE_SIZE = 16;

    private static final Logger LOG = LoggerFactory.getLogger(OfflineEngine.class);

    private static final String SUGGESTION = "Rephrase using the names of tables and columns (for example \"average"
            + " price of products by category\"), add the unknown words to the connection's glossary, or configure an"
            + " LLM provider for free-form questions.";

    private record CacheEntry(SchemaSnapshot snapshot, Map<String, String> glossary, SchemaIndex index) {}

    private final LinkedList<CacheEntry> cache = new LinkedList<>();

    /**
     * Translates a question.
     *
     * @param glossary organization words for schema things: a synonym to a table name, a {@code table.column},
     *     or another word; may be empty or null
     */
    public OfflineAnswer translate(
            String question, SchemaSnapshot snapshot, OfflineDialect dialect, Map<String, String> glossary) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(dialect, "dialect");
        if (question == null || question.isBlank()) {
            return new OfflineAnswer.Declined("The question is empty.", "Ask a question about your data.");
        }
        if (snapshot.tables().isEmpty()) {
            return new OfflineAnswer.Declined(
                    "The connection's schema has no tables yet.", "Sync the schema of the connection, then ask again.");
        }
        SchemaIndex index = index(snapshot, glossary == null ? Map.of() : glossary);
        List<Token> tokens = Tokenizer.tokenize(question);
        List<Mention> mentions = Linker.link(tokens, index);
        QuestionParser.Reading reading;
        try {
            reading = new QuestionParser(tokens, mentions, index).parse();
        } catch (RuntimeException e) {
            // A construct the parser does not handle safely: declining beats failing the whole request.
            LOG.warn("Offline engine could not read question: {}", e.toString());
            return new OfflineAnswer.Declined(
                    "The offline engine could not read the structure of this question.", SUGGESTION);
        }
        if (reading.plan() == null) {
            return decline(reading, mentions.isEmpty());
        }
        if (reading.confidence() < THRESHOLD) {
            return decline(reading, false);
        }
        String sql = new SqlWriter(dialect).write(reading.plan());
        return new OfflineAnswer.Sql(sql, Explainer.explain(reading.plan()), round(reading.confidence()));
    }

    private static OfflineAnswer decline(QuestionParser.Reading reading, boolean nothingLinked) {
        List<String> why = new ArrayList<>();
        if (nothingLinked) {
            why.add("none of its words name a table, column or known value of this schema");
        }
        if (!reading.unexplained().isEmpty()) {
            why.add("I could not place " + quoteAll(reading.unexplained()));
        }
        why.addAll(reading.doubts());
        if (why.isEmpty()) {
            why.add("I could not tell which table the question is about");
        }
        String reason =
                "The offline engine did not understand the question well enough: " + String.join("; ", why) + ".";
        return new OfflineAnswer.Declined(reason, SUGGESTION);
    }

    private static String quoteAll(List<String> words) {
        List<String> q = new ArrayList<>();
        for (String w : words) {
            q.add("'" + w + "'");
        }
        return String.join(", ", q);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private SchemaIndex index(SchemaSnapshot snapshot, Map<String, String> glossary) {
        synchronized (cache) {
            for (Iterator<CacheEntry> it = cache.iterator(); it.hasNext(); ) {
                CacheEntry e = it.next();
                if (e.snapshot == snapshot && e.glossary.equals(glossary)) {
                    it.remove();
                    cache.addFirst(e);
                    return e.index;
                }
            }
        }
        SchemaIndex index = new SchemaIndex(snapshot, glossary);
        synchronized (cache) {
            cache.addFirst(new CacheEntry(snapshot, Map.copyOf(glossary), index));
            while (cache.size() > CACHE_SIZE) {
                cache.removeLast();
            }
        }
        return index;
    }
}
