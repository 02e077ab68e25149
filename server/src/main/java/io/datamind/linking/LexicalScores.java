package io.datamind.linking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How well each table's words match a question's, BM25-like: every question word adds its inverse document
 * frequency times the weight of the best place it occurs in the table (its name counts more than a column's, a
 * column's more than a comment), so a rare word in a table name says most. Sampled values named in the question
 * and the organization's glossary add to it.
 */
final class LexicalScores {

    static final double VALUE = 2.0;
    /** Words that only share a long prefix ("arrival", "arriving") count this much of an exact match. */
    static final double PREFIX = 0.6;

    final double[] tables;
    private final Map<Integer, Map<Integer, Double>> columns = new HashMap<>();
    private final Map<Integer, Map<Integer, Set<String>>> values = new HashMap<>();

    private LexicalScores(int size) {
        this.tables = new double[size];
    }

    static LexicalScores of(SchemaIndex index, String question, Map<String, String> glossary) {
        LexicalScores scores = new LexicalScores(index.size());
        List<String> words = Words.ofText(question);
        List<String> folded = new ArrayList<>();
        for (String w : Words.meaningful(words)) {
            folded.add(Words.term(w));
        }
        Set<String> terms = new LinkedHashSet<>(folded);
        if (glossary != null && !glossary.isEmpty()) {
            scores.applyGlossary(index, folded, glossary, terms);
        }
        for (String term : terms) {
            scores.addTerm(index, term);
        }
        scores.addValues(index, words);
        return scores;
    }

    /** Matched columns of a table, best first. */
    Map<Integer, Double> columnsOf(int table) {
        return columns.getOrDefault(table, Map.of());
    }

    /** Sampled values of a column the question named. */
    Set<String> valuesOf(int table, int column) {
        return values.getOrDefault(table, Map.of()).getOrDefault(column, Set.of());
    }

    private void addTerm(SchemaIndex index, String term) {
        Map<Integer, Double> bestTable = new HashMap<>();
        Map<Long, Double> bestColumn = new HashMap<>();
        collect(index, term, 1.0, bestTable, bestColumn);
        for (String relative : index.prefixRelatives(term)) {
            collect(index, relative, PREFIX, bestTable, bestColumn);
        }
        bestTable.forEach((t, v) -> tables[t] += v);
        bestColumn.forEach((key, v) -> addColumn((int) (key >>> 32), (int) (long) key, v));
    }

    private static void collect(
            SchemaIndex index, String term, double factor, Map<Integer, Double> bestTable, Map<Long, Double> bestCol) {
        double idf = index.idf(term) * factor;
        for (SchemaIndex.Posting p : index.postings(term)) {
            double v = p.weight() * idf;
            bestTable.merge(p.table(), v, Math::max);
            if (p.column() >= 0) {
                bestCol.merge(((long) p.table() << 32) | p.column(), v, Math::max);
            }
        }
    }

    private void addValues(SchemaIndex index, List<String> words) {
        Map<String, List<SchemaIndex.ValueHit>> byPhrase = new LinkedHashMap<>();
        for (SchemaIndex.ValueHit hit : index.valuesIn(words)) {
            byPhrase.computeIfAbsent(hit.value(), k -> new ArrayList<>()).add(hit);
        }
        for (List<SchemaIndex.ValueHit> hits : byPhrase.values()) {
            double idf = index.idfOf((int) hits.stream()
                    .mapToInt(SchemaIndex.ValueHit::table)
                    .distinct()
                    .count());
            Map<Integer, Double> bestTable = new HashMap<>();
            for (SchemaIndex.ValueHit hit : hits) {
                bestTable.put(hit.table(), VALUE * idf);
                addColumn(hit.table(), hit.column(), VALUE * idf);
                values.computeIfAbsent(hit.table(), k -> new HashMap<>())
                        .computeIfAbsent(hit.column(), k -> new LinkedHashSet<>())
                        .add(hit.value());
            }
            bestTable.forEach((t, v) -> tables[t] += v);
        }
    }

    /**
     * A glossary term found in the question points at a table or a column directly ({@code customers},
     * {@code orders.total}) as strongly as a unique table name, or lends the question the schema's own word for it.
     */
    private void applyGlossary(
            SchemaIndex index, List<String> folded, Map<String, String> glossary, Set<String> terms) {
        double unique = SchemaIndex.TABLE_NAME * index.idfOf(1);
        for (Map.Entry<String, String> entry : glossary.entrySet()) {
            List<String> termWords = new ArrayList<>();
            for (String w : Words.meaningful(Words.ofText(entry.getKey()))) {
                termWords.add(Words.term(w));
            }
            if (termWords.isEmpty() || entry.getValue() == null || !containsRun(folded, termWords)) {
                continue;
            }
            String meaning = entry.getValue().strip();
            int table = index.tableNamed(meaning);
            if (table >= 0) {
                tables[table] += unique;
                continue;
            }
            int dot = meaning.lastIndexOf('.');
            if (dot > 0) {
                int owner = index.tableNamed(meaning.substring(0, dot));
                int column = owner < 0 ? -1 : index.columnNamed(owner, meaning.substring(dot + 1));
                if (column >= 0) {
                    tables[owner] += unique;
                    addColumn(owner, column, unique);
                    continue;
                }
            }
            for (String w : Words.meaningful(Words.ofText(meaning))) {
                terms.add(Words.term(w));
            }
        }
    }

    private void addColumn(int table, int column, double v) {
        columns.computeIfAbsent(table, k -> new HashMap<>()).merge(column, v, Double::sum);
    }

    private static boolean containsRun(List<String> words, List<String> run) {
        outer:
        for (int i = 0; i + run.size() <= words.size(); i++) {
            for (int j = 0; j < run.size(); j++) {
                if (!words.get(i + j).equals(run.get(j))) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
