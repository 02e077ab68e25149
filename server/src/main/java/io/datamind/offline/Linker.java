package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.SchemaIndex.Target;
import io.datamind.offline.SchemaIndex.ValueRef;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the spans of a question that name schema things. Every span of up to a few words is looked up by its
 * singular words (in any order), then by Porter stems, then run together ("work order" for Workorder);
 * sampled text values are looked up by their words. The longest, best spans win; each keeps all its readings
 * for the parser to choose from by context.
 */
final class Linker {

    /** Words the parser reads as instructions; a schema name made of one of them alone is not linked. */
    static final Set<String> CUE_WORDS = Words.set(
            "number",
            "count",
            "total",
            "sum",
            "average",
            "avg",
            "mean",
            "maximum",
            "max",
            "minimum",
            "min",
            "most",
            "least",
            "highest",
            "lowest",
            "largest",
            "smallest",
            "top",
            "bottom",
            "first",
            "last",
            "order",
            "sorted",
            "ordered",
            "different",
            "distinct",
            "unique",
            "many",
            "much",
            "more",
            "less",
            "fewer",
            "greater",
            "each",
            "every",
            "not",
            "no",
            "never",
            "without",
            "between",
            "before",
            "after",
            "than",
            "above",
            "below",
            "under",
            "over",
            "least",
            "all",
            "how",
            "what",
            "which",
            "who",
            "name",
            "names",
            "descending",
            "ascending",
            "alphabetical",
            "both",
            "also",
            "other",
            "same",
            "year",
            "years");

    /** Value spellings that are also ordinary words: linked only when written as a name or quoted. */
    private static final Set<String> WEAK_VALUE_WORDS = Words.set(
            "no",
            "yes",
            "none",
            "other",
            "others",
            "all",
            "any",
            "total",
            "average",
            "first",
            "last",
            "high",
            "low",
            "new",
            "old",
            "open",
            "closed",
            "one",
            "two",
            "three",
            "top",
            "bottom",
            "and",
            "or",
            "not",
            "more",
            "less",
            "most",
            "least",
            "each",
            "same",
            "different",
            "number",
            "name",
            "year",
            "date",
            "time",
            "many",
            "much",
            "long",
            "short",
            "large",
            "small",
            "big",
            "good",
            "best",
            "well",
            "ok",
            "true",
            "false",
            "male",
            "female",
            "y",
            "n",
            "t",
            "f",
            "m",
            "a",
            "i",
            "the",
            "of",
            "in",
            "on",
            "at",
            "to",
            "by",
            "for");

    private static final Set<String> AGGREGATE_WORDS = Words.set(
            "total",
            "average",
            "avg",
            "mean",
            "sum",
            "maximum",
            "max",
            "minimum",
            "min",
            "number",
            "count",
            "highest",
            "lowest",
            "largest",
            "smallest");

    /** Imperatives that open a request ("Show ...") and never name a table there. */
    private static final Set<String> LEADING_VERBS = Words.set(
            "show",
            "list",
            "find",
            "give",
            "return",
            "tell",
            "display",
            "get",
            "name",
            "count",
            "report",
            "fetch",
            "provide",
            "compute",
            "calculate",
            "select",
            "retrieve",
            "identify",
            "please",
            "sort",
            "order",
            "rank");

    private Linker() {}

    static List<Mention> link(List<Token> tokens, SchemaIndex index) {
        List<Mention> spans = new ArrayList<>();
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token first = tokens.get(i);
            if (first.kind() == Token.Kind.PUNCT) {
                continue;
            }
            int maxLen = Math.max(index.maxPhraseLength + 2, index.maxValueLength);
            for (int j = i + 1; j <= n && j - i <= maxLen; j++) {
                Token last = tokens.get(j - 1);
                if (last.kind() == Token.Kind.PUNCT) {
                    break;
                }
                Mention m = new Mention(i, j, text(tokens, i, j));
                addValues(tokens, i, j, index, m);
                boolean lastOk = last.isWord() && !last.isStop() || last.kind() == Token.Kind.NUMBER && j - i > 1;
                if (first.isWord() && lastOk && !first.isStop()) {
                    addSchema(tokens, i, j, index, m);
                }
                if (!m.cands.isEmpty()) {
                    m.cands.sort(Comparator.comparingDouble(Cand::quality).reversed());
                    spans.add(m);
                }
            }
        }
        spans.sort(Comparator.<Mention>comparingInt(m -> contentLength(tokens, m))
                .reversed()
                .thenComparing(Comparator.comparingDouble(Mention::best).reversed())
                .thenComparingInt(m -> m.start));
        boolean[] taken = new boolean[n];
        List<Mention> chosen = new ArrayList<>();
        for (Mention m : spans) {
            boolean free = true;
            for (int k = m.start; k < m.end; k++) {
                free &= !taken[k];
            }
            if (!free) {
                continue;
            }
            for (int k = m.start; k < m.end; k++) {
                taken[k] = true;
            }
            chosen.add(m);
        }
        chosen.sort(Comparator.comparingInt(m -> m.start));
        return chosen;
    }

    private static void addSchema(List<Token> tokens, int i, int j, SchemaIndex index, Mention m) {
        List<String> stems = new ArrayList<>();
        List<String> roots = new ArrayList<>();
        List<String> lowers = new ArrayList<>();
        int ofAt = -1;
        for (int k = i; k < j; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.NUMBER && k > i) {
                // "line 2" names addr_line_2
                stems.add(t.lower());
                roots.add(t.lower());
                lowers.add(t.lower());
                continue;
            }
            if (!t.isWord()) {
                return;
            }
            if (t.isStop() && !(t.is("of") || t.is("the") || t.is("a"))) {
                return;
            }
            if (t.is("of") && ofAt < 0) {
                ofAt = stems.size();
            }
            if (!t.isStop()) {
                stems.add(t.stem());
                roots.add(t.root());
                lowers.add(t.lower());
            }
        }
        if (stems.isEmpty() || stems.size() > index.maxPhraseLength) {
            return;
        }
        boolean afterAggregate = i > 0
                && Set.of(
                                "total",
                                "average",
                                "avg",
                                "mean",
                                "maximum",
                                "minimum",
                                "max",
                                "min",
                                "highest",
                                "lowest",
                                "largest",
                                "smallest")
                        .contains(tokens.get(i - 1).lower());
        if (stems.size() == 1
                && j < tokens.size()
                && tokens.get(j).is("of")
                && !afterAggregate
                && Set.of("number", "numbers", "count", "total", "amount", "sum", "average")
                        .contains(lowers.get(0))) {
            // "number of matches" counts; it does not name a "match number" column.
            return;
        }
        if (i == 0 || i == 1 && tokens.get(0).is("please")) {
            if (j - i == 1 && LEADING_VERBS.contains(lowers.get(0))) {
                return;
            }
        }
        if (stems.size() == 1 && CUE_WORDS.contains(lowers.get(0))) {
            // Cue words still name a column called exactly that ("year", "name"), never a part of one.
            for (Target t : index.lookup(stems)) {
                if (t.quality() >= 0.95) {
                    add(m, t, t.quality());
                }
            }
            return;
        }
        boolean countOf =
                ofAt == 1 && Set.of("number", "count", "total", "amount", "sum").contains(stems.get(0));
        boolean cueFirst = stems.size() > 1 && AGGREGATE_WORDS.contains(lowers.get(0));
        Map<Object, Double> seen = new HashMap<>();
        for (Target t : index.lookup(stems)) {
            if (!acceptable(t, stems, ofAt, countOf)) {
                continue;
            }
            if (cueFirst && !t.stems().get(0).equals(stems.get(0))) {
                // "total invoice" is the total of invoices, not a column named "invoice total"
                continue;
            }
            double q = t.quality() * orderFactor(t, stems, ofAt);
            boolean namesTable = ofAt > 0
                    && !t.isTable()
                    && stems.subList(ofAt, stems.size())
                            .equals(SchemaIndex.stems(SchemaIndex.stripGeneric(t.table().words)));
            if (namesTable) {
                // "status code of the invoice": the words after "of" name the column's own table.
                m.cands.add(Mention.Cand.column(t.column(), q, true));
            } else {
                add(m, t, q);
            }
            seen.put(key(t), q);
        }
        boolean verbForm = stems.size() == 1
                && (lowers.get(0).endsWith("ed") || lowers.get(0).endsWith("ing"));
        if (!verbForm && !cueFirst) {
            for (Target t : index.lookupRoots(roots)) {
                if (!seen.containsKey(key(t))
                        && acceptable(t, stems, ofAt, countOf)
                        && t.quality() >= 0.9
                        && !hidesTable(stems, t, index)) {
                    add(m, t, t.quality() * 0.85);
                    seen.put(key(t), t.quality() * 0.85);
                }
            }
        }
        if (stems.size() >= 2 && stems.size() <= 3 && j - i == stems.size()) {
            String joined = Words.singular(String.join("", lowers));
            for (Target t : index.lookup(List.of(joined))) {
                if (!seen.containsKey(key(t)) && t.stems().size() == 1) {
                    add(m, t, t.quality() * 0.95);
                    seen.put(key(t), t.quality() * 0.95);
                }
            }
        }
        if (seen.isEmpty() && stems.size() <= 3) {
            // "year of manufacture" for ManufYear: a schema word that abbreviates a question word
            List<String> abbreviated = new ArrayList<>(stems);
            boolean changed = false;
            for (int k = 0; k < abbreviated.size(); k++) {
                String full = abbreviated.get(k);
                String abbr = index.abbreviationOf(full);
                if (abbr != null) {
                    abbreviated.set(k, abbr);
                    changed = true;
                }
            }
            if (changed) {
                for (Target t : index.lookup(abbreviated)) {
                    if (!seen.containsKey(key(t))
                            && t.quality() >= 0.9
                            && acceptable(t, abbreviated, ofAt, countOf)
                            && !hidesTable(stems, t, index)) {
                        add(m, t, t.quality() * 0.85);
                        seen.put(key(t), t.quality() * 0.85);
                    }
                }
            }
        }
        if (seen.isEmpty() && stems.size() == 1 && lowers.get(0).length() >= 5 && !verbForm) {
            // A misspelling ("invioce"): one edit away from a one-word name.
            for (String key : index.singleWordKeys()) {
                if (key.charAt(0) == stems.get(0).charAt(0)
                        && withinEdits(stems.get(0), key, key.length() >= 8 ? 2 : 1)) {
                    for (Target t : index.lookup(List.of(key))) {
                        if (t.quality() >= 0.9) {
                            add(m, t, t.quality() * 0.8);
                        }
                    }
                }
            }
        }
    }

    /** Tables are not named "X of Y"; "number of X" never names an "X number". */
    /**
     * "Packer names" is not pack_name when "packer" names a table exactly: a looser match of several words must
     * not swallow a word that is a table's own name.
     */
    private static boolean hidesTable(List<String> stems, Target t, SchemaIndex index) {
        if (stems.size() < 2) {
            return false;
        }
        for (String s : stems) {
            if (!t.stems().contains(s)
                    && index.lookup(List.of(s)).stream().anyMatch(x -> x.isTable() && x.quality() >= 0.95)) {
                return true;
            }
        }
        return false;
    }

    private static boolean acceptable(Target t, List<String> stems, int ofAt, boolean countOf) {
        if (ofAt > 0 && (t.isTable() || t.quality() < 0.9)) {
            return false;
        }
        if (countOf) {
            return t.stems().size() == stems.size() && t.stems().get(0).equals(stems.get(0));
        }
        return true;
    }

    /** Words in the schema's order, or "B of A" for "A B", match fully; other orders a little less. */
    private static double orderFactor(Target t, List<String> stems, int ofAt) {
        if (t.stems().equals(stems) || stems.size() == 1) {
            return 1.0;
        }
        if (ofAt > 0) {
            List<String> swapped = new ArrayList<>(stems.subList(ofAt, stems.size()));
            swapped.addAll(stems.subList(0, ofAt));
            if (t.stems().equals(swapped)) {
                return 1.0;
            }
        }
        return 0.92;
    }

    static boolean withinEdits(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return false;
        }
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int rowMin = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                rowMin = Math.min(rowMin, cur[j]);
            }
            if (rowMin > max) {
                return false;
            }
            int[] tmp = prev;
            prev = cur;
            cur = tmp;
        }
        return prev[b.length()] <= max;
    }

    private static Object key(Target t) {
        return t.column() != null ? t.column() : t.table();
    }

    private static void add(Mention m, Target t, double q) {
        if (t.isTable()) {
            m.cands.add(Cand.table(t.table(), q));
        } else {
            m.cands.add(Cand.column(t.column(), q, t.composite()));
        }
    }

    private static void addValues(List<Token> tokens, int i, int j, SchemaIndex index, Mention m) {
        if (j - i > index.maxValueLength) {
            return;
        }
        Token first = tokens.get(i);
        if (j - i == 1 && first.kind() == Token.Kind.QUOTED) {
            for (ValueRef v : index.values.getOrDefault(SchemaIndex.valueKey(first.raw()), List.of())) {
                m.cands.add(Cand.value(v.column(), v.value(), 1.0));
            }
            return;
        }
        StringBuilder key = new StringBuilder();
        boolean anyCapital = false;
        boolean allStop = true;
        for (int k = i; k < j; k++) {
            Token t = tokens.get(k);
            if (t.kind() == Token.Kind.QUOTED) {
                return;
            }
            if (key.length() > 0) {
                key.append(' ');
            }
            key.append(t.kind() == Token.Kind.WORD ? t.stem() : t.lower());
            anyCapital |= t.capitalized() || (t.isWord() && !t.raw().equals(t.lower()));
            allStop &= t.isStop() || t.kind() == Token.Kind.NUMBER;
        }
        if (allStop && j - i > 1) {
            return;
        }
        List<ValueRef> refs = index.values.get(key.toString());
        if (refs == null && j - i == 1 && first.isWord() && Lexicon.DEMONYMS.containsKey(first.lower())) {
            // "French customers": the sampled value is "France"
            refs = index.values.get(SchemaIndex.valueKey(Lexicon.DEMONYMS.get(first.lower())));
            if (refs != null) {
                for (ValueRef v : refs) {
                    m.cands.add(Cand.value(v.column(), v.value(), 0.85));
                }
            }
            return;
        }
        if (refs == null) {
            return;
        }
        boolean single = j - i == 1;
        if (single && first.kind() == Token.Kind.NUMBER) {
            for (ValueRef v : refs) {
                m.cands.add(Cand.value(v.column(), v.value(), 0.6));
            }
            return;
        }
        if (single
                && (WEAK_VALUE_WORDS.contains(first.lower())
                        || first.isStop()
                        || first.lower().length() <= 1)) {
            // "no", "A", "other": only when written like a name and matching the value's own spelling.
            for (ValueRef v : refs) {
                if (first.capitalized() && v.value().equals(first.raw())) {
                    m.cands.add(Cand.value(v.column(), v.value(), 0.8));
                }
            }
            return;
        }
        double q = single && !anyCapital ? 0.9 : 1.0;
        for (ValueRef v : refs) {
            m.cands.add(Cand.value(v.column(), v.value(), q));
        }
    }

    private static int contentLength(List<Token> tokens, Mention m) {
        int n = 0;
        for (int k = m.start; k < m.end; k++) {
            if (!tokens.get(k).isStop()) {
                n++;
            }
        }
        return n;
    }

    static String text(List<Token> tokens, int i, int j) {
        StringBuilder sb = new StringBuilder();
        for (int k = i; k < j; k++) {
            if (k > i) {
                sb.append(' ');
            }
            sb.append(tokens.get(k).raw());
        }
        return sb.toString();
    }
}
