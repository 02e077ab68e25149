package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the selector needs to know about one schema snapshot, built once and reused for every question on it: an
 * inverted index from folded words to the tables and columns whose names, comments or sample values hold them, the
 * sampled values as phrases, and the foreign-key graph.
 */
final class SchemaIndex {

    /** Where a folded word occurs; {@code column} is -1 for the table itself (its name, its schema, its comment). */
    record Posting(int table, int column, double weight) {}

    /** A sampled value found in questions as a phrase. */
    record ValueHit(int table, int column, String value) {}

    // How much a word says about a table, by where it occurs.
    static final double TABLE_NAME = 3.0;
    static final double SCHEMA_NAME = 1.0;
    static final double TABLE_COMMENT = 1.2;
    static final double COLUMN_NAME = 1.5;
    static final double COLUMN_COMMENT = 1.0;

    // Schema names that every table of a database shares by default: they say nothing about a table.
    private static final Set<String> DEFAULT_SCHEMAS = Set.of("public", "dbo", "main");

    final SchemaSnapshot snapshot;
    final List<TableInfo> tables;
    final String[] qualifiedNames;
    /** Tables joined by a foreign key, in either direction. */
    final int[][] neighbours;

    private final Map<String, List<Posting>> postings = new HashMap<>();
    private final Map<String, Integer> tableFrequency = new HashMap<>();
    private final String[] vocabulary;
    private final Map<String, List<ValueHit>> values = new HashMap<>();
    private final int longestValue;
    private final Map<String, Integer> byName = new HashMap<>();
    private volatile int wholeTokens = -1;
    private volatile Aligned aligned;

    SchemaIndex(SchemaSnapshot snapshot) {
        this.snapshot = snapshot;
        this.tables = snapshot.tables();
        int n = tables.size();
        this.qualifiedNames = new String[n];
        Map<String, Integer> bareNames = new HashMap<>();
        for (int t = 0; t < n; t++) {
            TableInfo table = tables.get(t);
            qualifiedNames[t] = qualifiedName(table.schema(), table.name());
            byName.put(qualifiedNames[t].toLowerCase(Locale.ROOT), t);
            bareNames.merge(table.name().toLowerCase(Locale.ROOT), t, (a, b) -> -1);
        }
        bareNames.forEach((name, t) -> {
            if (t >= 0) {
                byName.putIfAbsent(name, t);
            }
        });
        int longest = 1;
        for (int t = 0; t < n; t++) {
            longest = Math.max(longest, indexTable(t, tables.get(t)));
        }
        this.longestValue = longest;
        this.vocabulary = postings.keySet().toArray(String[]::new);
        Arrays.sort(vocabulary);
        this.neighbours = foreignKeyGraph();
    }

    static String qualifiedName(String schema, String name) {
        return schema == null || schema.isEmpty() ? name : schema + "." + name;
    }

    /** Tokens of the whole schema rendered with every column (no sampled values), computed once. */
    int wholeTokens() {
        int tokens = wholeTokens;
        if (tokens < 0) {
            Set<String> all = new java.util.HashSet<>();
            for (String name : qualifiedNames) {
                all.add(name.toLowerCase(Locale.ROOT));
            }
            long chars = 0;
            for (TableInfo table : tables) {
                List<Integer> columns = new ArrayList<>();
                for (int c = 0; c < table.columns().size(); c++) {
                    columns.add(c);
                }
                chars += ContextRenderer.table(table, columns, all, c -> List.of())
                        .length();
            }
            tokens = (int) Math.min(Integer.MAX_VALUE, (chars + 3) / 4);
            wholeTokens = tokens;
        }
        return tokens;
    }

    /** The stored vectors laid out by table and column index, computed once per set of vectors. */
    Aligned aligned(SchemaVectors vectors) {
        Aligned current = aligned;
        if (current == null || current.source() != vectors) {
            current = Aligned.of(this, vectors);
            aligned = current;
        }
        return current;
    }

    /**
     * The vectors in one array, a table's row followed by its columns' rows, so that scoring a question reads memory
     * in order.
     *
     * @param tableRow each table's row, -1 when it has no stored vector
     * @param firstColumnRow the row of each table's first column; a column without a vector has a zero row
     */
    record Aligned(SchemaVectors source, int dimensions, float[] data, int[] tableRow, int[] firstColumnRow) {

        static Aligned of(SchemaIndex index, SchemaVectors vectors) {
            int n = index.size();
            int dimensions = vectors.dimensions();
            int rows = 0;
            for (TableInfo table : index.tables) {
                rows += 1 + table.columns().size();
            }
            float[] data = new float[rows * dimensions];
            int[] tableRow = new int[n];
            int[] firstColumnRow = new int[n];
            int row = 0;
            for (int t = 0; t < n; t++) {
                float[] tv = vectors.get(EmbeddingTexts.tableKey(index.qualifiedNames[t]));
                tableRow[t] = tv == null || tv.length != dimensions ? -1 : row;
                if (tableRow[t] >= 0) {
                    System.arraycopy(tv, 0, data, row * dimensions, dimensions);
                }
                row++;
                firstColumnRow[t] = row;
                for (ColumnInfo column : index.tables.get(t).columns()) {
                    float[] cv = vectors.get(EmbeddingTexts.columnKey(index.qualifiedNames[t], column.name()));
                    if (cv != null && cv.length == dimensions) {
                        System.arraycopy(cv, 0, data, row * dimensions, dimensions);
                    }
                    row++;
                }
            }
            return new Aligned(vectors, dimensions, data, tableRow, firstColumnRow);
        }

        /** Dot product of a row with a vector. */
        double dot(int row, float[] v) {
            int base = row * dimensions;
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            int i = 0;
            for (; i + 3 < dimensions; i += 4) {
                s0 += data[base + i] * v[i];
                s1 += data[base + i + 1] * v[i + 1];
                s2 += data[base + i + 2] * v[i + 2];
                s3 += data[base + i + 3] * v[i + 3];
            }
            for (; i < dimensions; i++) {
                s0 += data[base + i] * v[i];
            }
            return (double) s0 + s1 + s2 + s3;
        }
    }

    int size() {
        return tables.size();
    }

    List<Posting> postings(String term) {
        return postings.getOrDefault(term, List.of());
    }

    /** Inverse document frequency of a folded word over tables (BM25's form, always positive). */
    double idf(String term) {
        int df = tableFrequency.getOrDefault(term, 0);
        return idfOf(df);
    }

    double idfOf(int df) {
        int n = tables.size();
        return Math.log(1 + (n - df + 0.5) / (df + 0.5));
    }

    /**
     * Other indexed words that share a long prefix with this one ("arriv" for "arrival"), for the forms the light
     * stemming does not fold.
     */
    List<String> prefixRelatives(String term) {
        List<String> relatives = new ArrayList<>();
        if (term.length() < 4) {
            return relatives;
        }
        // Words this term starts: a contiguous run of the sorted vocabulary.
        int from = Arrays.binarySearch(vocabulary, term);
        for (int i = from < 0 ? -from - 1 : from + 1; i < vocabulary.length && vocabulary[i].startsWith(term); i++) {
            relatives.add(vocabulary[i]);
        }
        // Words that start this term, at least four letters long.
        for (int len = 4; len < term.length(); len++) {
            String prefix = term.substring(0, len);
            if (postings.containsKey(prefix)) {
                relatives.add(prefix);
            }
        }
        return relatives;
    }

    /** Sampled values named in the question, matched as whole phrases of its words, in any case. */
    List<ValueHit> valuesIn(List<String> questionWords) {
        List<ValueHit> hits = new ArrayList<>();
        int n = questionWords.size();
        for (int i = 0; i < n; i++) {
            StringBuilder phrase = new StringBuilder();
            for (int len = 1; len <= longestValue && i + len <= n; len++) {
                if (len > 1) {
                    phrase.append(' ');
                }
                phrase.append(questionWords.get(i + len - 1));
                List<ValueHit> found = values.get(phrase.toString());
                if (found != null) {
                    hits.addAll(found);
                }
            }
        }
        return hits;
    }

    /** A table by its qualified name, or by its bare name when no other schema has one of that name. */
    int tableNamed(String name) {
        return byName.getOrDefault(name.strip().toLowerCase(Locale.ROOT), -1);
    }

    int columnNamed(int table, String name) {
        List<ColumnInfo> columns = tables.get(table).columns();
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().equalsIgnoreCase(name.strip())) {
                return c;
            }
        }
        return -1;
    }

    private int indexTable(int t, TableInfo table) {
        Set<String> seen = new LinkedHashSet<>();
        for (String w : Words.ofName(table.name())) {
            add(Words.term(w), t, -1, TABLE_NAME, seen);
        }
        if (table.schema() != null && !DEFAULT_SCHEMAS.contains(table.schema().toLowerCase(Locale.ROOT))) {
            for (String w : Words.ofName(table.schema())) {
                add(Words.term(w), t, -1, SCHEMA_NAME, seen);
            }
        }
        for (String w : Words.meaningful(Words.ofText(table.comment()))) {
            add(Words.term(w), t, -1, TABLE_COMMENT, seen);
        }
        int longest = 1;
        List<ColumnInfo> columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            ColumnInfo column = columns.get(c);
            for (String w : Words.ofName(column.name())) {
                add(Words.term(w), t, c, COLUMN_NAME, seen);
            }
            for (String w : Words.meaningful(Words.ofText(column.comment()))) {
                add(Words.term(w), t, c, COLUMN_COMMENT, seen);
            }
            for (String value : column.sampleValues()) {
                List<String> words = Words.ofText(value);
                if (words.isEmpty() || words.size() > 8 || (words.size() == 1 && weakValue(words.get(0)))) {
                    continue;
                }
                String phrase = String.join(" ", words);
                int col = c;
                List<ValueHit> list = values.computeIfAbsent(phrase, k -> new ArrayList<>());
                if (list.stream().noneMatch(h -> h.table() == t && h.column() == col)) {
                    list.add(new ValueHit(t, col, value));
                }
                longest = Math.max(longest, words.size());
            }
        }
        for (String term : seen) {
            tableFrequency.merge(term, 1, Integer::sum);
        }
        return longest;
    }

    // Flags and tiny codes ("y", "no", "1") are in too many columns and too many questions to point anywhere.
    private static boolean weakValue(String word) {
        return word.length() < 3 || Words.STOP.contains(word) || word.chars().allMatch(Character::isDigit);
    }

    private void add(String term, int table, int column, double weight, Set<String> seen) {
        if (term.isEmpty()) {
            return;
        }
        seen.add(term);
        List<Posting> list = postings.computeIfAbsent(term, k -> new ArrayList<>());
        for (int i = list.size() - 1; i >= 0 && list.get(i).table() == table; i--) {
            Posting p = list.get(i);
            if (p.column() == column) {
                if (p.weight() < weight) {
                    list.set(i, new Posting(table, column, weight));
                }
                return;
            }
        }
        list.add(new Posting(table, column, weight));
    }

    private int[][] foreignKeyGraph() {
        int n = tables.size();
        List<Set<Integer>> adjacent = new ArrayList<>(n);
        for (int t = 0; t < n; t++) {
            adjacent.add(new LinkedHashSet<>());
        }
        for (int t = 0; t < n; t++) {
            TableInfo table = tables.get(t);
            for (ForeignKey fk : table.foreignKeys()) {
                String schema = fk.referencedSchema() == null ? table.schema() : fk.referencedSchema();
                int target = tableNamed(qualifiedName(schema, fk.referencedTable()));
                if (target < 0) {
                    target = tableNamed(fk.referencedTable());
                }
                if (target >= 0 && target != t) {
                    adjacent.get(t).add(target);
                    adjacent.get(target).add(t);
                }
            }
        }
        int[][] graph = new int[n][];
        for (int t = 0; t < n; t++) {
            graph[t] = adjacent.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
        return graph;
    }
}
