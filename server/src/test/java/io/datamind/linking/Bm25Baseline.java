package io.datamind.linking;

import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's BM25 baseline: each table is a document of the words of its name ({@code db_id.table}) and its
 * column names, split at underscores and camelCase, lower case, nothing else (no stemming, no stop words, no
 * values, no keys); tables are taken by score, rendered like the selector's, while they fit the token budget.
 */
final class Bm25Baseline {

    record Selection(Set<String> tables, int tokens) {}

    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final SchemaSnapshot catalog;
    private final List<Map<String, Integer>> documents = new ArrayList<>();
    private final int[] lengths;
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private final double averageLength;
    private final String[] names;

    Bm25Baseline(SchemaSnapshot catalog) {
        this.catalog = catalog;
        int n = catalog.tables().size();
        lengths = new int[n];
        names = new String[n];
        long total = 0;
        for (int t = 0; t < n; t++) {
            TableInfo table = catalog.tables().get(t);
            names[t] = SchemaIndex.qualifiedName(table.schema(), table.name()).toLowerCase(Locale.ROOT);
            List<String> words = new ArrayList<>(Words.ofName(table.schema()));
            words.addAll(Words.ofName(table.name()));
            table.columns().forEach(c -> words.addAll(Words.ofName(c.name())));
            Map<String, Integer> counts = new HashMap<>();
            words.forEach(w -> counts.merge(w, 1, Integer::sum));
            documents.add(counts);
            counts.keySet().forEach(w -> documentFrequency.merge(w, 1, Integer::sum));
            lengths[t] = words.size();
            total += words.size();
        }
        averageLength = (double) total / Math.max(1, n);
    }

    Selection select(String question, int budget) {
        Set<String> terms = new LinkedHashSet<>(Words.ofText(question));
        int n = documents.size();
        double[] scores = new double[n];
        for (String term : terms) {
            Integer df = documentFrequency.get(term);
            if (df == null) {
                continue;
            }
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            for (int t = 0; t < n; t++) {
                Integer tf = documents.get(t).get(term);
                if (tf != null) {
                    scores[t] += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * lengths[t] / averageLength));
                }
            }
        }
        List<Integer> ranked = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            if (scores[t] > 0) {
                ranked.add(t);
            }
        }
        ranked.sort((a, b) -> Double.compare(scores[b], scores[a]));
        Set<String> chosen = new LinkedHashSet<>();
        int used = 0;
        for (int t : ranked) {
            int cost = ContextRenderer.tokens(render(t, Set.of()));
            if (used + cost <= budget) {
                chosen.add(names[t]);
                used += cost;
            }
        }
        return new Selection(chosen, used);
    }

    /** Tokens of these tables rendered with all their columns, keys between them shown. */
    int tokensOf(Collection<String> tables) {
        Set<String> joinable = new HashSet<>(tables);
        long chars = 0;
        for (int t = 0; t < names.length; t++) {
            if (joinable.contains(names[t])) {
                chars += render(t, joinable).length();
            }
        }
        return (int) ((chars + 3) / 4);
    }

    private String render(int t, Set<String> joinable) {
        TableInfo table = catalog.tables().get(t);
        List<Integer> all = new ArrayList<>();
        for (int c = 0; c < table.columns().size(); c++) {
            all.add(c);
        }
        return ContextRenderer.table(table, all, joinable, c -> List.of());
    }
}
