package io.datamind.offline;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine needs to know about one schema, computed once per snapshot: the words that name each
 * table and column, an index from word sets to them, an index of sampled text values, and the join graph.
 */
final class SchemaIndex {

    /** Trailing words of table names that say nothing about what a row is ("product_list", "sales_data"). */
    private static final Set<String> GENERIC_TABLE_WORDS = Words.set(
            "list",
            "data",
            "info",
            "information",
            "detail",
            "table",
            "tbl",
            "record",
            "master",
            "lookup",
            "ref",
            "reference",
            "mapping",
            "map",
            "entry",
            "dim",
            "fact");

    /** Leading words of lookup-table names ("lkp_order_statuses"). */
    private static final Set<String> GENERIC_PREFIXES = Words.set("ref", "lkp", "lookup", "lu", "tbl", "dim", "fact");

    /** Words too generic to name a column on their own when they are only part of its name. */
    private static final Set<String> WEAK_PART_WORDS = Words.set("is", "has", "of", "by", "the", "a", "in", "on");

    /** Words after which a short word is likely an abbreviation of a table ("EmpID", "CustNo"). */
    private static final Set<String> KEY_WORDS = Words.set("id", "code", "no", "num", "number", "key");

    final SchemaSnapshot snapshot;
    final List<TableEntry> tables = new ArrayList<>();
    final Map<String, TableEntry> byName = new HashMap<>();
    final Map<String, List<Target>> phrases = new HashMap<>();
    final Map<String, List<Target>> rootPhrases = new HashMap<>();
    final Map<String, List<ValueRef>> values = new HashMap<>();
    final Set<String> vocabulary = new HashSet<>();
    final List<Edge> edges = new ArrayList<>();
    int maxPhraseLength = 1;
    int maxValueLength = 1;

    static final class TableEntry {
        final TableInfo info;
        final String name;
        final List<String> words;
        final List<ColumnEntry> columns = new ArrayList<>();
        final List<ColumnEntry> primaryKey = new ArrayList<>();
        final List<Edge> edges = new ArrayList<>();

        TableEntry(TableInfo info, List<String> words) {
            this.info = info;
            this.name = info.name();
            this.words = words;
        }

        ColumnEntry column(String name) {
            for (ColumnEntry c : columns) {
                if (c.name.equalsIgnoreCase(name)) {
                    return c;
                }
            }
            return null;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final class ColumnEntry {
        final TableEntry table;
        final ColumnInfo info;
        final String name;
        final List<String> words;
        final String category;
        final List<String> samples;

        ColumnEntry(TableEntry table, ColumnInfo info, List<String> words) {
            this.table = table;
            this.info = info;
            this.name = info.name();
            this.words = words;
            this.category = category(info);
            this.samples = info.sampleValues();
        }

        boolean numeric() {
            return category.equals("number") || category.equals("integer");
        }

        boolean temporal() {
            return category.equals("date") || category.equals("timestamp");
        }

        boolean text() {
            return category.equals("text") || category.equals("other");
        }

        boolean isPrimaryKey() {
            return table.primaryKey.contains(this);
        }

        boolean isIdentifier() {
            if (isPrimaryKey()) {
                return true;
            }
            String last = words.isEmpty() ? "" : words.get(words.size() - 1);
            return last.equals("id") || last.equals("code") && !text();
        }

        boolean isForeignKey() {
            for (Edge e : table.edges) {
                if (e.from == table && e.fromColumns.contains(this)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return table.name + "." + name;
        }

        private static String category(ColumnInfo info) {
            if (info.category() != null && !info.category().isBlank()) {
                return info.category().toLowerCase(Locale.ROOT);
            }
            String t = info.type() == null ? "" : info.type().toLowerCase(Locale.ROOT);
            if (t.contains("int")) {
                return "integer";
            }
            if (t.contains("char") || t.contains("text") || t.contains("clob") || t.contains("string")) {
                return "text";
            }
            if (t.contains("real")
                    || t.contains("floa")
                    || t.contains("doub")
                    || t.contains("dec")
                    || t.contains("num")) {
                return "number";
            }
            if (t.contains("bool")) {
                return "boolean";
            }
            if (t.contains("timestamp") || t.contains("datetime")) {
                return "timestamp";
            }
            if (t.contains("date")) {
                return "date";
            }
            if (t.contains("time")) {
                return "time";
            }
            return "other";
        }
    }

    /** A foreign key (declared, or inferred from a shared key name) between two tables. */
    record Edge(
            TableEntry from,
            List<ColumnEntry> fromColumns,
            TableEntry to,
            List<ColumnEntry> toColumns,
            boolean declared) {

        TableEntry other(TableEntry t) {
            return t == from ? to : from;
        }

        List<ColumnEntry> columnsOf(TableEntry t) {
            return t == from ? fromColumns : toColumns;
        }
    }

    /** What a word set can name. */
    record Target(TableEntry table, ColumnEntry column, List<String> stems, double quality, boolean composite) {

        boolean isTable() {
            return column == null;
        }
    }

    /** A sampled value of a text column. */
    record ValueRef(ColumnEntry column, String value) {}

    SchemaIndex(SchemaSnapshot snapshot, Map<String, String> glossary) {
        this.snapshot = snapshot;
        for (TableInfo t : snapshot.tables()) {
            TableEntry te = new TableEntry(t, Words.splitIdentifier(t.name()));
            tables.add(te);
            byName.putIfAbsent(t.name().toLowerCase(Locale.ROOT), te);
            vocabulary.addAll(te.words);
            for (ColumnInfo c : t.columns()) {
                ColumnEntry ce = new ColumnEntry(te, c, Words.splitIdentifier(c.name()));
                te.columns.add(ce);
                vocabulary.addAll(ce.words);
            }
            for (String pk : t.primaryKey()) {
                ColumnEntry c = te.column(pk);
                if (c != null) {
                    te.primaryKey.add(c);
                }
            }
        }
        Set<String> singularVocabulary = new HashSet<>();
        for (String w : vocabulary) {
            singularVocabulary.add(Words.singular(w));
        }
        vocabulary.addAll(singularVocabulary);
        buildEdges();
        for (TableEntry t : tables) {
            indexTable(t);
            for (ColumnEntry c : t.columns) {
                indexColumn(c);
                indexValues(c);
            }
        }
        if (glossary != null) {
            glossary.forEach(this::indexGlossary);
        }
        List<String> keys = new ArrayList<>();
        for (String k : phrases.keySet()) {
            if (k.indexOf(' ') < 0 && k.length() >= 4) {
                keys.add(k);
            }
        }
        Collections.sort(keys);
        singleWordKeys = List.copyOf(keys);
    }

    // ---- join graph -------------------------------------------------------------------------------------

    private void buildEdges() {
        Set<String> seen = new HashSet<>();
        for (TableEntry t : tables) {
            for (ForeignKey fk : t.info.foreignKeys()) {
                TableEntry target = byName.get(fk.referencedTable().toLowerCase(Locale.ROOT));
                if (target == null) {
                    continue;
                }
                List<ColumnEntry> from = new ArrayList<>();
                List<ColumnEntry> to = new ArrayList<>();
                for (int i = 0; i < fk.columns().size(); i++) {
                    ColumnEntry a = t.column(fk.columns().get(i));
                    ColumnEntry b = i < fk.referencedColumns().size()
                            ? target.column(fk.referencedColumns().get(i))
                            : (target.primaryKey.size() > i ? target.primaryKey.get(i) : null);
                    if (a != null && b != null) {
                        from.add(a);
                        to.add(b);
                    }
                }
                if (!from.isEmpty() && seen.add(t.name + from + target.name + to)) {
                    addEdge(new Edge(t, from, target, to, true));
                }
            }
        }
        // Databases often leave keys undeclared: a single-column primary key named like "<something>_id" that
        // appears by the same name in another table is taken as a reference to it.
        for (TableEntry target : tables) {
            if (target.primaryKey.size() != 1) {
                continue;
            }
            ColumnEntry pk = target.primaryKey.get(0);
            List<String> w = pk.words;
            if (w.size() < 2
                    || !(w.get(w.size() - 1).equals("id") || w.get(w.size() - 1).equals("code"))) {
                continue;
            }
            for (TableEntry t : tables) {
                if (t == target) {
                    continue;
                }
                ColumnEntry same = t.column(pk.name);
                if (same == null || hasEdgeBetween(t, target)) {
                    continue;
                }
                if (t.primaryKey.size() == 1 && t.primaryKey.get(0) == same) {
                    continue;
                }
                addEdge(new Edge(t, List.of(same), target, List.of(pk), false));
            }
        }
        // A column named after another table ("supplier" in products) refers to that table's key.
        for (TableEntry target : tables) {
            if (target.primaryKey.size() != 1) {
                continue;
            }
            ColumnEntry pk = target.primaryKey.get(0);
            List<String> core = stems(stripGeneric(target.words));
            for (TableEntry t : tables) {
                if (t == target || hasEdgeBetween(t, target)) {
                    continue;
                }
                for (ColumnEntry c : t.columns) {
                    List<String> w = stems(c.words);
                    boolean named = w.equals(core)
                            || w.size() == core.size() + 1
                                    && w.subList(0, core.size()).equals(core)
                                    && Set.of("id", "code", "key").contains(w.get(w.size() - 1));
                    boolean compatible = c.numeric() == pk.numeric() && c.text() == pk.text();
                    if (named && compatible && !(t.primaryKey.size() == 1 && t.primaryKey.get(0) == c)) {
                        addEdge(new Edge(t, List.of(c), target, List.of(pk), false));
                        break;
                    }
                }
            }
        }
    }

    private boolean hasEdgeBetween(TableEntry a, TableEntry b) {
        for (Edge e : a.edges) {
            if (e.other(a) == b) {
                return true;
            }
        }
        return false;
    }

    private void addEdge(Edge e) {
        edges.add(e);
        e.from.edges.add(e);
        if (e.to != e.from) {
            e.to.edges.add(e);
        }
    }

    // ---- phrases ----------------------------------------------------------------------------------------

    private void indexTable(TableEntry t) {
        for (List<String> words : variants(t.words)) {
            addPhrase(new Target(t, null, stems(words), 1.0, false));
            List<String> core = stripGeneric(words);
            if (core.size() < words.size() && !core.isEmpty()) {
                addPhrase(new Target(t, null, stems(core), 0.9, false));
            }
            if (core.size() > 1) {
                String head = core.get(core.size() - 1);
                if (!Words.STOPWORDS.contains(head)) {
                    addPhrase(new Target(t, null, stems(List.of(head)), 0.7, false));
                }
            }
            addSynonyms(t, null, core, 0.85, false);
        }
        addComment(t, null, t.info.comment());
    }

    private void indexColumn(ColumnEntry c) {
        TableEntry t = c.table;
        List<String> tableCore = stripGeneric(t.words);
        for (List<String> words : variants(c.words)) {
            List<String> content = content(words);
            if (content.isEmpty()) {
                continue;
            }
            addPhrase(new Target(t, c, stems(content), 1.0, false));
            // "ProductName" in table product also answers to "name"; "name" answers to "customer name".
            List<String> withoutTable = stripPrefix(content, tableCore);
            if (withoutTable != content && !withoutTable.isEmpty()) {
                addPhrase(new Target(t, c, stems(withoutTable), 0.95, false));
            } else if (!startsWith(content, tableCore)) {
                List<String> composite = new ArrayList<>(tableCore);
                composite.addAll(content);
                addPhrase(new Target(t, c, stems(composite), 1.0, true));
                if (tableCore.size() > 1) {
                    List<String> headComposite = new ArrayList<>();
                    headComposite.add(tableCore.get(tableCore.size() - 1));
                    headComposite.addAll(content);
                    addPhrase(new Target(t, c, stems(headComposite), 0.9, true));
                }
            }
            // Parts of a multi-word name: "hire date" for employee_hire_date.
            int n = content.size();
            if (n > 1) {
                for (int len = n - 1; len >= 1; len--) {
                    for (int from = 0; from + len <= n; from++) {
                        List<String> part = content.subList(from, from + len);
                        if (part.size() == 1 && WEAK_PART_WORDS.contains(part.get(0))) {
                            continue;
                        }
                        boolean hasHead = from + len == n;
                        if (!hasHead && Set.of("id", "key", "no", "num").contains(content.get(n - 1))) {
                            // "customer" alone is the customer, not the customer_id of some other table.
                            continue;
                        }
                        double q = 0.4 + 0.4 * len / n + (hasHead ? 0.1 : 0.0);
                        addPhrase(new Target(t, c, stems(part), q, false));
                    }
                }
            }
            addSynonyms(t, c, content, 0.85, false);
            addContactSuffix(t, c, content);
        }
        addComment(t, c, c.info.comment());
    }

    /** Words that name a way to reach someone, and the word that often follows them in speech. */
    private static final Map<String, String> CONTACT_SUFFIXES =
            Map.of("phone", "number", "fax", "number", "telephone", "number", "mobile", "number", "email", "address");

    /**
     * "phone numbers", "email addresses": a phone or email column answers to its name with the word people add
     * to it, so the added word is not read as a count ("number of") or as another column (an address).
     */
    private void addContactSuffix(TableEntry t, ColumnEntry c, List<String> content) {
        String last = content.get(content.size() - 1);
        String suffix = CONTACT_SUFFIXES.get(last);
        if (suffix == null || !c.text()) {
            return;
        }
        List<String> spoken = new ArrayList<>(content);
        spoken.add(suffix);
        addPhrase(new Target(t, c, stems(spoken), 1.0, false));
        if (content.size() > 1) {
            addPhrase(new Target(t, c, stems(List.of(last, suffix)), 0.8, false));
        }
    }

    private void addSynonyms(TableEntry t, ColumnEntry c, List<String> words, double quality, boolean composite) {
        for (int i = 0; i < words.size(); i++) {
            for (String syn : Lexicon.synonyms(Words.singular(words.get(i)))) {
                List<String> alt = new ArrayList<>(words);
                alt.set(i, syn);
                addPhrase(new Target(t, c, stems(alt), quality, composite));
            }
        }
    }

    private void addComment(TableEntry t, ColumnEntry c, String comment) {
        if (comment == null || comment.isBlank()) {
            return;
        }
        List<String> words = new ArrayList<>();
        for (Token tok : Tokenizer.tokenize(comment)) {
            if (tok.isWord() && !tok.isStop()) {
                words.add(tok.lower());
            }
        }
        if (!words.isEmpty() && words.size() <= 4) {
            addPhrase(new Target(t, c, stems(words), 0.9, false));
        }
    }

    private void indexGlossary(String term, String target) {
        if (term == null || target == null || term.isBlank() || target.isBlank()) {
            return;
        }
        List<String> termWords = new ArrayList<>();
        for (Token tok : Tokenizer.tokenize(term)) {
            if (tok.isWord() && !tok.isStop()) {
                termWords.add(tok.lower());
            }
        }
        if (termWords.isEmpty()) {
            return;
        }
        List<String> termStems = stems(termWords);
        String tgt = target.strip();
        int dot = tgt.lastIndexOf('.');
        if (dot > 0) {
            TableEntry t = byName.get(tgt.substring(0, dot).toLowerCase(Locale.ROOT));
            if (t == null) {
                int prev = tgt.lastIndexOf('.', dot - 1);
                if (prev >= 0) {
                    t = byName.get(tgt.substring(prev + 1, dot).toLowerCase(Locale.ROOT));
                }
            }
            ColumnEntry c = t == null ? null : t.column(tgt.substring(dot + 1));
            if (c != null) {
                addPhrase(new Target(t, c, termStems, 1.0, false));
                return;
            }
        }
        TableEntry t = byName.get(tgt.toLowerCase(Locale.ROOT));
        if (t != null) {
            addPhrase(new Target(t, null, termStems, 1.0, false));
            return;
        }
        // Not a table or column: a word the organization uses for a schema word ("client" for customer).
        String targetStem = Words.singular(Words.lower(tgt));
        for (TableEntry table : tables) {
            replaceWord(table, null, table.words, targetStem, termWords);
            for (ColumnEntry c : table.columns) {
                replaceWord(table, c, content(c.words), targetStem, termWords);
            }
        }
    }

    private void replaceWord(TableEntry t, ColumnEntry c, List<String> words, String targetStem, List<String> with) {
        for (int i = 0; i < words.size(); i++) {
            if (Words.singular(words.get(i)).equals(targetStem)) {
                List<String> alt = new ArrayList<>(words.subList(0, i));
                alt.addAll(with);
                alt.addAll(words.subList(i + 1, words.size()));
                addPhrase(new Target(t, c, stems(alt), 1.0, false));
            }
        }
    }

    private void addPhrase(Target target) {
        if (target.stems.isEmpty()) {
            return;
        }
        String key = sortedKey(target.stems);
        List<Target> list = phrases.computeIfAbsent(key, k -> new ArrayList<>());
        for (int i = 0; i < list.size(); i++) {
            Target existing = list.get(i);
            if (existing.table == target.table && existing.column == target.column) {
                if (existing.quality >= target.quality) {
                    return;
                }
                list.remove(i);
                break;
            }
        }
        list.add(target);
        List<String> roots = new ArrayList<>();
        for (String s : target.stems) {
            roots.add(PorterStemmer.stem(s));
        }
        String rootKey = sortedKey(roots);
        List<Target> rl = rootPhrases.computeIfAbsent(rootKey, k -> new ArrayList<>());
        rl.removeIf(e -> e.table == target.table && e.column == target.column && e.quality < target.quality);
        if (rl.stream().noneMatch(e -> e.table == target.table && e.column == target.column)) {
            rl.add(target);
        }
        maxPhraseLength = Math.max(maxPhraseLength, target.stems.size());
    }

    /** Spellings of a name: as written, with abbreviations expanded and run-together words split. */
    private List<List<String>> variants(List<String> words) {
        List<List<String>> out = new ArrayList<>();
        out.add(words);
        // "LName" splits into l + name: read it as the abbreviation "lname".
        List<String> merged = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            if (words.get(i).length() == 1
                    && i + 1 < words.size()
                    && Character.isLetter(words.get(i).charAt(0))
                    && Lexicon.expansion(words.get(i) + words.get(i + 1)) != null) {
                merged.add(words.get(i) + words.get(i + 1));
                i++;
            } else {
                merged.add(words.get(i));
            }
        }
        if (merged.size() < words.size()) {
            words = merged;
            out.add(words);
        }
        List<String> expanded = new ArrayList<>();
        boolean changed = false;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            List<String> exp = Lexicon.expansion(w);
            boolean beforeKey = i + 1 < words.size() && KEY_WORDS.contains(words.get(i + 1));
            if (exp == null && beforeKey && w.length() >= 3 && w.length() <= 4 && !vocabularyHasWhole(w)) {
                exp = prefixOfTableWord(w);
            }
            if (exp == null && w.length() >= 6) {
                exp = splitCompound(w);
            }
            if (exp != null) {
                expanded.addAll(exp);
                changed = true;
            } else {
                expanded.add(w);
            }
        }
        if (changed) {
            out.add(expanded);
        }
        return out;
    }

    private boolean vocabularyHasWhole(String w) {
        for (TableEntry t : tables) {
            if (t.words.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** "emp" in EmpID stands for a table word it begins ("employee"). */
    private List<String> prefixOfTableWord(String w) {
        if (w.length() < 3) {
            return null;
        }
        for (TableEntry t : tables) {
            for (String tw : t.words) {
                if (tw.length() > w.length() + 1 && tw.startsWith(w)) {
                    return List.of(Words.singular(tw));
                }
            }
        }
        return null;
    }

    private List<String> splitCompound(String w) {
        for (int i = 3; i <= w.length() - 3; i++) {
            String a = w.substring(0, i);
            String b = w.substring(i);
            if (vocabulary.contains(a) && vocabulary.contains(b)) {
                return List.of(a, b);
            }
        }
        return null;
    }

    static List<String> stripGeneric(List<String> words) {
        List<String> out = new ArrayList<>(words);
        while (out.size() > 1 && GENERIC_TABLE_WORDS.contains(Words.singular(out.get(out.size() - 1)))) {
            out.remove(out.size() - 1);
        }
        while (out.size() > 1 && GENERIC_PREFIXES.contains(out.get(0))) {
            out.remove(0);
        }
        return out;
    }

    private static List<String> content(List<String> words) {
        List<String> out = new ArrayList<>();
        for (String w : words) {
            if (!Words.STOPWORDS.contains(w) || words.size() == 1) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean startsWith(List<String> words, List<String> prefix) {
        if (prefix.isEmpty() || words.size() < prefix.size()) {
            return false;
        }
        for (int i = 0; i < prefix.size(); i++) {
            if (!Words.singular(words.get(i)).equals(Words.singular(prefix.get(i)))) {
                return false;
            }
        }
        return true;
    }

    private static List<String> stripPrefix(List<String> words, List<String> prefix) {
        if (startsWith(words, prefix) && words.size() > prefix.size()) {
            return words.subList(prefix.size(), words.size());
        }
        return words;
    }

    static List<String> stems(List<String> words) {
        List<String> out = new ArrayList<>(words.size());
        for (String w : words) {
            out.add(Words.singular(Words.lower(w)));
        }
        return out;
    }

    static String sortedKey(List<String> stems) {
        List<String> sorted = new ArrayList<>(stems);
        Collections.sort(sorted);
        return String.join(" ", sorted);
    }

    // ---- values -----------------------------------------------------------------------------------------

    private void indexValues(ColumnEntry c) {
        if (!c.text()) {
            return;
        }
        for (String v : c.samples) {
            if (v == null || v.isBlank() || v.length() > 80) {
                continue;
            }
            String key = valueKey(v);
            if (key.isEmpty()) {
                continue;
            }
            List<ValueRef> list = values.computeIfAbsent(key, k -> new ArrayList<>());
            if (list.stream().noneMatch(r -> r.column == c)) {
                list.add(new ValueRef(c, v));
            }
            maxValueLength = Math.max(maxValueLength, key.split(" ").length);
        }
    }

    /** The matching key of a value: its words, lowercased and singular, in order. */
    static String valueKey(String value) {
        List<String> parts = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(value)) {
            if (t.kind() == Token.Kind.PUNCT) {
                continue;
            }
            parts.add(t.kind() == Token.Kind.WORD ? t.stem() : t.lower());
        }
        return String.join(" ", parts);
    }

    private final Map<String, String> abbreviations = new java.util.concurrent.ConcurrentHashMap<>();

    /** A schema word that is a clipped form of the question word ("manuf" for "manufacture"), or null. */
    String abbreviationOf(String word) {
        if (word.length() < 7) {
            return null;
        }
        String cached = abbreviations.get(word);
        if (cached == null) {
            String best = "";
            for (String v : vocabulary) {
                if (v.length() >= 4
                        && v.length() <= word.length() - 3
                        && word.startsWith(v)
                        && v.length() > best.length()
                        && !Words.STOPWORDS.contains(v)) {
                    best = v;
                }
            }
            cached = best;
            if (abbreviations.size() < 10_000) {
                // questions bring new words forever; keep the memo bounded
                abbreviations.put(word, cached);
            }
        }
        return cached.isEmpty() ? null : cached;
    }

    private List<String> singleWordKeys = List.of();

    /** Index keys of one word, for spotting misspellings. */
    List<String> singleWordKeys() {
        return singleWordKeys;
    }

    List<Target> lookup(List<String> stems) {
        return phrases.getOrDefault(sortedKey(stems), List.of());
    }

    List<Target> lookupRoots(List<String> roots) {
        return rootPhrases.getOrDefault(sortedKey(roots), List.of());
    }

    /** Columns of the whole schema whose words match, best first. */
    List<ColumnEntry> columnsNamed(List<String> words) {
        List<ColumnEntry> out = new ArrayList<>();
        for (Target t : lookup(stems(words))) {
            if (!t.isTable() && t.quality >= 0.9 && !out.contains(t.column)) {
                out.add(t.column);
            }
        }
        return out;
    }

    /** Numeric or date columns whose names end with the words ("floor area" for "area"). */
    List<ColumnEntry> columnsEndingWith(List<String> words) {
        List<String> w = stems(words);
        List<ColumnEntry> out = new ArrayList<>();
        for (TableEntry t : tables) {
            for (ColumnEntry c : t.columns) {
                List<String> cw = stems(c.words);
                if (cw.size() > w.size()
                        && cw.subList(cw.size() - w.size(), cw.size()).equals(w)
                        && (c.numeric() || c.temporal())) {
                    out.add(c);
                }
            }
        }
        return out;
    }
}
