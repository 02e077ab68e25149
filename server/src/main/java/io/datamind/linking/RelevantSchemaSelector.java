package io.datamind.linking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Small schemas go in whole. Larger ones are ranked table by table on the question's words (names, comments,
 * sampled values, glossary) and, once the schema's embeddings are stored, on semantic similarity; then tables are
 * taken best first, each chosen table lending part of its score to the tables joined to it by a foreign key, so the
 * bridge between two chosen tables comes next, until the token budget is spent.
 */
@Component
class RelevantSchemaSelector implements SchemaSelector {

    /** Semantic similarity counts as much as word matching at its best; both are scaled to the question's best. */
    static final double SEMANTIC = 1.0;
    /** Only tables this close (in cosine similarity) to the question's most similar table get semantic credit. */
    static final double SEMANTIC_WINDOW = 0.2;
    /** A table joined by a foreign key to chosen tables gains this share of their scores. */
    static final double JOIN = 0.5;
    /**
     * Lifts a required table above any score (at most 1 + SEMANTIC plus join credit); its neighbours gain only its
     * own score, so they do not crowd out the tables the question chooses.
     */
    static final double REQUIRED = 1000;
    /** Tables that did not fit, tried before giving up on the rest. */
    private static final int MISFITS = 30;

    private static final Logger log = LoggerFactory.getLogger(RelevantSchemaSelector.class);

    private record IndexKey(Object connectionId, Object discoveredAt, int tables) {}

    private final SchemaVectorStore vectorStore;
    private final TextEmbedder embedder;
    private final LinkingProperties properties;
    private final Cache<IndexKey, SchemaIndex> indexes =
            Caffeine.newBuilder().maximumSize(32).build();

    RelevantSchemaSelector(SchemaVectorStore vectorStore, TextEmbedder embedder, LinkingProperties properties) {
        this.vectorStore = vectorStore;
        this.embedder = embedder;
        this.properties = properties;
    }

    @Override
    public SchemaContext select(
            SchemaSnapshot snapshot,
            String question,
            int tokenBudget,
            Map<String, String> glossary,
            Collection<String> required) {
        Objects.requireNonNull(snapshot, "snapshot");
        SchemaIndex index = index(snapshot);
        LexicalScores lexical = LexicalScores.of(index, question == null ? "" : question, glossary);
        if (index.wholeTokens() <= tokenBudget) {
            SchemaContext whole = whole(index, lexical);
            if (whole.tokens() <= tokenBudget) {
                return whole;
            }
        }
        SemanticScores semantic = semantic(index, snapshot, question);
        double[] scores = combine(index, lexical, semantic);
        return fill(index, lexical, semantic, scores, required(index, required), tokenBudget);
    }

    private static boolean[] required(SchemaIndex index, Collection<String> names) {
        boolean[] required = new boolean[index.size()];
        for (String name : names) {
            int t = index.tableNamed(name);
            if (t < 0 && name.contains(".")) {
                // A query may qualify a table the snapshot lists without schema (the dialect's default one).
                t = index.tableNamed(name.substring(name.lastIndexOf('.') + 1));
            }
            if (t >= 0) {
                required[t] = true;
            }
        }
        return required;
    }

    private SchemaIndex index(SchemaSnapshot snapshot) {
        if (snapshot.connectionId() == null || snapshot.discoveredAt() == null) {
            return new SchemaIndex(snapshot);
        }
        IndexKey key = new IndexKey(
                snapshot.connectionId(),
                snapshot.discoveredAt(),
                snapshot.tables().size());
        return indexes.get(key, k -> new SchemaIndex(snapshot));
    }

    private SemanticScores semantic(SchemaIndex index, SchemaSnapshot snapshot, String question) {
        if (!properties.embeddings() || question == null || question.isBlank()) {
            return null;
        }
        SchemaVectors vectors = vectorStore.vectors(snapshot.connectionId());
        if (vectors.isEmpty()) {
            return null;
        }
        try {
            return SemanticScores.of(index, vectors, embedder.embed(question));
        } catch (RuntimeException e) {
            // The model could not load here (no writable cache for its native tokenizer, say): words still work.
            log.warn("Embedding the question failed, choosing tables by words only: {}", e.toString());
            return null;
        }
    }

    private static double[] combine(SchemaIndex index, LexicalScores lexical, SemanticScores semantic) {
        int n = index.size();
        double bestLexical = 0;
        for (double v : lexical.tables) {
            bestLexical = Math.max(bestLexical, v);
        }
        double[] scores = new double[n];
        for (int t = 0; t < n; t++) {
            scores[t] = bestLexical > 0 ? lexical.tables[t] / bestLexical : 0;
        }
        if (semantic != null) {
            double best = semantic.best();
            for (int t = 0; t < n; t++) {
                double closeness = (semantic.table(t) - (best - SEMANTIC_WINDOW)) / SEMANTIC_WINDOW;
                if (closeness > 0) {
                    scores[t] += SEMANTIC * closeness;
                }
            }
        }
        if (bestLexical == 0 && semantic == null) {
            // Nothing in the question names anything: the most joined tables say most about the schema.
            int maxDegree = 0;
            for (int[] neighbours : index.neighbours) {
                maxDegree = Math.max(maxDegree, neighbours.length);
            }
            for (int t = 0; t < n; t++) {
                scores[t] = (1.0 + index.neighbours[t].length) / (1.0 + maxDegree);
            }
        }
        return scores;
    }

    private SchemaContext fill(
            SchemaIndex index,
            LexicalScores lexical,
            SemanticScores semantic,
            double[] scores,
            boolean[] required,
            int budget) {
        int n = index.size();
        double[] joined = new double[n];
        boolean[] done = new boolean[n];
        List<Integer> chosen = new ArrayList<>();
        List<List<Integer>> chosenColumns = new ArrayList<>();
        int used = 0;
        int misfits = 0;
        while (misfits < MISFITS) {
            int next = -1;
            double best = 0;
            for (int t = 0; t < n; t++) {
                double priority = scores[t] + JOIN * joined[t] + (required[t] ? REQUIRED : 0);
                if (!done[t] && priority > best) {
                    best = priority;
                    next = t;
                }
            }
            if (next < 0) {
                break;
            }
            done[next] = true;
            TableInfo table = index.tables.get(next);
            // Foreign keys are shown to the tables already chosen and this one's neighbours that may follow.
            Set<String> joinable = joinable(index, chosen, next);
            List<Integer> columns = columns(table, next, lexical, semantic, properties.maxColumnsPerTable());
            int cost = ContextRenderer.tokens(render(index, next, columns, joinable, lexical));
            if (used + cost > budget) {
                columns = slimColumns(table, next, lexical);
                cost = ContextRenderer.tokens(render(index, next, columns, joinable, lexical));
                if (used + cost > budget) {
                    misfits++;
                    continue;
                }
            }
            used += cost;
            chosen.add(next);
            chosenColumns.add(columns);
            for (int neighbour : index.neighbours[next]) {
                joined[neighbour] += scores[next];
            }
        }
        return context(index, chosen, chosenColumns, lexical);
    }

    private SchemaContext whole(SchemaIndex index, LexicalScores lexical) {
        List<Integer> all = new ArrayList<>();
        List<List<Integer>> columns = new ArrayList<>();
        for (int t = 0; t < index.size(); t++) {
            all.add(t);
            columns.add(allColumns(index.tables.get(t)));
        }
        return context(index, all, columns, lexical);
    }

    private static SchemaContext context(
            SchemaIndex index, List<Integer> chosen, List<List<Integer>> chosenColumns, LexicalScores lexical) {
        Set<String> names = new HashSet<>();
        for (int t : chosen) {
            names.add(index.qualifiedNames[t].toLowerCase(Locale.ROOT));
        }
        StringBuilder text = new StringBuilder();
        List<TableInfo> tables = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            int t = chosen.get(i);
            List<Integer> columns = chosenColumns.get(i);
            text.append(render(index, t, columns, names, lexical));
            tables.add(narrowed(index.tables.get(t), columns, names));
        }
        return new SchemaContext(tables, text.toString(), ContextRenderer.tokens(text));
    }

    private static String render(
            SchemaIndex index, int t, List<Integer> columns, Set<String> joinable, LexicalScores lexical) {
        TableInfo table = index.tables.get(t);
        Map<Integer, Double> matched = lexical.columnsOf(t);
        return ContextRenderer.table(
                table,
                columns,
                joinable,
                c -> matched.containsKey(c)
                        ? shownValues(lexical.valuesOf(t, c), table.columns().get(c))
                        : List.of());
    }

    // The values the question named first, then the other sampled ones.
    private static Collection<String> shownValues(Set<String> named, ColumnInfo column) {
        Set<String> values = new LinkedHashSet<>(named);
        values.addAll(column.sampleValues());
        return values;
    }

    private static Set<String> joinable(SchemaIndex index, List<Integer> chosen, int table) {
        Set<String> names = new HashSet<>();
        for (int t : chosen) {
            names.add(index.qualifiedNames[t].toLowerCase(Locale.ROOT));
        }
        for (int t : index.neighbours[table]) {
            names.add(index.qualifiedNames[t].toLowerCase(Locale.ROOT));
        }
        return names;
    }

    private static List<Integer> allColumns(TableInfo table) {
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            all.add(c);
        }
        return all;
    }

    /** Every column of a table up to the limit; past it, keys and the columns closest to the question. */
    private static List<Integer> columns(
            TableInfo table, int t, LexicalScores lexical, SemanticScores semantic, int limit) {
        if (table.columns().size() <= limit) {
            return allColumns(table);
        }
        Set<String> keys = keyColumns(table);
        Map<Integer, Double> matched = lexical.columnsOf(t);
        List<Integer> ranked = allColumns(table);
        ranked.sort(Comparator.comparingDouble((Integer c) -> {
                    double rank = keys.contains(table.columns().get(c).name()) ? 1000 : 0;
                    rank += 10 * matched.getOrDefault(c, 0.0);
                    rank += semantic == null ? 0 : semantic.column(t, c);
                    return -rank;
                })
                .thenComparingInt(c -> c));
        List<Integer> kept = new ArrayList<>(ranked.subList(0, limit));
        kept.sort(null);
        return kept;
    }

    /** When a table does not fit whole: its keys and the columns the question named. */
    private static List<Integer> slimColumns(TableInfo table, int t, LexicalScores lexical) {
        Set<String> keys = keyColumns(table);
        Map<Integer, Double> matched = lexical.columnsOf(t);
        List<Integer> kept = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            if (keys.contains(table.columns().get(c).name()) || matched.containsKey(c)) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static Set<String> keyColumns(TableInfo table) {
        Set<String> keys = new HashSet<>(table.primaryKey());
        for (ForeignKey fk : table.foreignKeys()) {
            keys.addAll(fk.columns());
        }
        return keys;
    }

    /** The table as the context shows it: the chosen columns, and the keys that are among them. */
    private static TableInfo narrowed(TableInfo table, List<Integer> columns, Set<String> joinable) {
        if (columns.size() == table.columns().size()) {
            List<ForeignKey> keys = table.foreignKeys().stream()
                    .filter(fk ->
                            joinable.contains(ContextRenderer.target(table, fk).toLowerCase(Locale.ROOT)))
                    .toList();
            return keys.size() == table.foreignKeys().size()
                    ? table
                    : new TableInfo(
                            table.schema(),
                            table.name(),
                            table.kind(),
                            table.comment(),
                            table.rowEstimate(),
                            table.columns(),
                            table.primaryKey(),
                            keys);
        }
        List<ColumnInfo> kept = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int c : columns) {
            kept.add(table.columns().get(c));
            names.add(table.columns().get(c).name());
        }
        List<String> primaryKey = names.containsAll(table.primaryKey()) ? table.primaryKey() : List.of();
        List<ForeignKey> keys = table.foreignKeys().stream()
                .filter(fk -> names.containsAll(fk.columns())
                        && joinable.contains(ContextRenderer.target(table, fk).toLowerCase(Locale.ROOT)))
                .toList();
        return new TableInfo(
                table.schema(),
                table.name(),
                table.kind(),
                table.comment(),
                table.rowEstimate(),
                kept,
                primaryKey,
                keys);
    }
}
