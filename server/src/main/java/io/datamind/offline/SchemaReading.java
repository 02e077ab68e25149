package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.Mention.Kind;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.Edge;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads which schema things the question names: table or column, the focus table, bindings, values. */
abstract class SchemaReading extends ParseContext {

    SchemaReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    // ---- kinds and focus ---------------------------------------------------------------------------------

    void resolveKinds() {
        for (int i = 0; i < size(); i++) {
            Mention mention = m(i);
            if (mention == null) {
                continue;
            }
            Cand table = mention.bestOf(Kind.TABLE);
            Cand column = mention.bestOf(Kind.COLUMN);
            Cand value = mention.bestOf(Kind.VALUE);
            boolean properName = false;
            for (int k = mention.start; k < mention.end; k++) {
                Token t = tokens.get(k);
                properName |= t.kind() == Token.Kind.QUOTED || t.capitalized();
            }
            if (value != null && (table == null && column == null || properName && value.quality() >= 0.8)) {
                kinds[i] = Kind.VALUE;
                continue;
            }
            if (value != null && table == null && column != null && column.quality() < 0.9) {
                kinds[i] = Kind.VALUE;
                continue;
            }
            if (table != null && column == null) {
                kinds[i] = Kind.TABLE;
            } else if (column != null && table == null) {
                kinds[i] = Kind.COLUMN;
            } else if (table != null) {
                kinds[i] = chooseTableOrColumn(i, table, column);
            } else {
                kinds[i] = Kind.VALUE;
            }
        }
    }

    Kind chooseTableOrColumn(int i, Cand table, Cand column) {
        if (column.composite()) {
            return Kind.COLUMN;
        }
        if (isCountCueBefore(i) && table.quality() >= column.quality() - 0.15) {
            return Kind.TABLE;
        }
        if (isWord(i + 1, "of", "for")
                && tableCandAt(skip(i + 2, DETERMINERS)) != null
                && tableCandAt(skip(i + 2, DETERMINERS)) != table.table()) {
            // "the salary of their manager", "the price for the product": an attribute of the table named after it
            return Kind.COLUMN;
        }
        if (column.quality() <= table.quality() + 0.05
                && references(column.table(), table.table())
                && column.column().isForeignKey()) {
            // "supplier" as products.Supplier is only the key of the suppliers table.
            boolean keyOfTable = false;
            for (Edge e : column.table().edges) {
                keyOfTable |= e.from() == column.table()
                        && e.to() == table.table()
                        && e.fromColumns().contains(column.column());
            }
            if (keyOfTable) {
                return Kind.TABLE;
            }
        }
        // "names of suppliers", "years of opening for stores": the noun after "of" is the entity.
        int b = skipBack(i - 1, DETERMINERS);
        b = skipBack(b, Cues.DISTINCT);
        if (isWord(b, "of", "for")
                && (m(b - 1) != null && m(b - 1).has(Kind.COLUMN)
                        || isWord(
                                b - 1, "name", "names", "id", "ids", "number", "numbers", "count", "list", "title",
                                "titles", "average", "total", "sum", "maximum", "minimum"))) {
            return Kind.TABLE;
        }
        int after = i + 1;
        if (isWord(after, "of") && tableCandAt(skip(after + 1, DETERMINERS)) != null) {
            return Kind.COLUMN;
        }
        if (isWord(i - 1, "'s") && tableCandAt(i - 2) != null) {
            return Kind.COLUMN;
        }
        if (isCountCueBefore(i) && table.quality() >= column.quality() - 0.15) {
            return Kind.TABLE;
        }
        if (table.quality() > column.quality() + 0.1) {
            return Kind.TABLE;
        }
        if (column.quality() > table.quality() + 0.1) {
            return Kind.COLUMN;
        }
        // Equal readings: "brands and models", "product model" read as columns next to other columns or tables.
        int prev = skipBack(i - 1, Set.of("the", "and", ",", "or"));
        int next = skip(i + 1, Set.of("the", "and", ",", "or"));
        int before = isWord(i - 1, "the") ? i - 2 : i - 1;
        boolean coordinated = (isWord(before, "and", "or") || isPunct(before))
                        && m(prev) != null
                        && m(prev).bestOf(Kind.COLUMN) != null
                || (isWord(i + 1, "and", "or") || isPunct(i + 1))
                        && m(next) != null
                        && m(next).bestOf(Kind.COLUMN) != null
                        && m(next).bestOf(Kind.TABLE) == null;
        if (coordinated || tableCandAt(i - 1) != null && m(i - 1).bestOf(Kind.COLUMN) == null) {
            return Kind.COLUMN;
        }
        for (int k = 0; k < size(); k++) {
            if (k == i || m(k) == null) {
                continue;
            }
            for (Cand c : m(k).of(Kind.TABLE)) {
                for (Cand col : m(i).of(Kind.COLUMN)) {
                    if (col.table() == c.table() && c.table() != table.table()) {
                        return Kind.COLUMN;
                    }
                }
            }
        }
        return Kind.TABLE;
    }

    /** The best table reading of the mention at i, whatever reading it ends up with. */
    TableEntry tableCandAt(int i) {
        Mention mention = m(i);
        if (mention == null) {
            return null;
        }
        Cand c = mention.bestOf(Kind.TABLE);
        return c == null ? null : c.table();
    }

    boolean isCountCueBefore(int i) {
        int k = skipBack(i - 1, Cues.DISTINCT);
        k = skipBack(k, Set.of("the", "all", "of"));
        boolean totalOfColumn = isWord(k, "total") && m(i + 1) != null && m(i + 1).has(Kind.COLUMN);
        return isWord(k, "many") && isWord(k - 1, "how")
                || isWord(k, "number", "count")
                || isWord(k, "total") && !totalOfColumn
                || isWord(i - 1, "of") && isWord(i - 2, "number", "count");
    }

    /** "top 3 categories by number of products": the count ranks, it is not what is asked. */
    boolean inOrderingPhrase(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
            if (isWord(k, "by") || Cues.ORDER_VERBS.contains(w(k))) {
                return true;
            }
        }
        return false;
    }

    TableEntry tableAt(int i) {
        if (kind(i) != Kind.TABLE) {
            return null;
        }
        return m(i).bestOf(Kind.TABLE).table();
    }

    /** A trailing imperative sentence ("List his role and city.") names what to return. */
    void splitSentences() {
        int fronted = frontedClauseEnd();
        if (fronted > 0) {
            selectFrom = fronted;
            selectTo = size();
            mainClause = true;
            return;
        }
        for (int i = 1; i < size() - 1; i++) {
            if (isPunct(i)
                    && (tok(i).raw().equals("?")
                            || tok(i).raw().equals(".")
                            || tok(i).raw().equals(";"))) {
                int next = i + 1;
                if (isWord(
                        next, "list", "show", "give", "return", "find", "display", "what", "provide", "tell", "include",
                        "report")) {
                    selectFrom = next;
                    selectTo = size();
                    return;
                }
            }
        }
    }

    void chooseFocus() {
        if (mainClause) {
            int b = firstBoundary(selectFrom, size());
            for (int i = selectFrom; i < b; i++) {
                if (kind(i) == Kind.TABLE) {
                    setFocus(i);
                    return;
                }
            }
        }
        int end = selectFrom > 0 && !mainClause ? selectFrom : size();
        // The counted thing of "how many X" / "number of X", else the first table named before the clause.
        int boundary = firstBoundary(0, end);
        for (int i = 0; i < end; i++) {
            if (kind(i) == Kind.TABLE && isCountCueBefore(i) && (i <= boundary + 1 || !inOrderingPhrase(i))) {
                setFocus(i);
                return;
            }
        }
        for (int i = 0; i < boundary; i++) {
            if (kind(i) == Kind.TABLE) {
                setFocus(i);
                return;
            }
        }
        // No table in the head: the table holding most of the head's columns.
        Map<TableEntry, Double> votes = new LinkedHashMap<>();
        for (int pass = 0; pass < 2 && votes.isEmpty(); pass++) {
            int to = pass == 0 ? boundary : size();
            for (int i = 0; i < to; i++) {
                if (kind(i) == Kind.COLUMN) {
                    List<Cand> cols = m(i).of(Kind.COLUMN);
                    double best = cols.get(0).quality();
                    Set<String> spanStems = new HashSet<>();
                    for (int k = m(i).start; k < m(i).end; k++) {
                        spanStems.add(tokens.get(k).stem());
                    }
                    TableEntry bound = boundTable(i);
                    if (bound != null) {
                        votes.merge(bound, 1.5, Double::sum);
                    }
                    for (Cand c : cols) {
                        if (c.quality() >= best - 0.06) {
                            double v = c.quality() + (c.composite() ? 1.0 : 0.0);
                            if (spanStems.containsAll(SchemaIndex.stems(SchemaIndex.stripGeneric(c.table().words)))) {
                                v += 0.25;
                            }
                            votes.merge(c.table(), v, Double::sum);
                        }
                    }
                }
            }
        }
        if (votes.isEmpty()) {
            for (int i = 0; i < size(); i++) {
                if (kind(i) == Kind.TABLE) {
                    setFocus(i);
                    return;
                }
            }
            for (int i = 0; i < size(); i++) {
                if (kind(i) == Kind.VALUE) {
                    // the value's best reading, weighed as the value pass will weigh it
                    Cand v = value(i);
                    focus = v != null ? v.table() : m(i).bestOf(Kind.VALUE).table();
                    return;
                }
            }
            return;
        }
        double top =
                votes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (votes.values().stream().filter(v -> v >= top - 0.1).count() > 1) {
            // Close: let the rest of the question decide ("the average price for each type of product").
            for (int i = boundary; i < size(); i++) {
                if (kind(i) == Kind.TABLE && votes.containsKey(tableAt(i))) {
                    votes.merge(tableAt(i), 0.3, Double::sum);
                } else if (kind(i) == Kind.COLUMN
                        && votes.containsKey(m(i).bestOf(Kind.COLUMN).table())
                        && (m(i).bestOf(Kind.COLUMN).composite()
                                || m(i).best() >= 0.95
                                        && m(i).of(Kind.COLUMN).stream()
                                                        .map(Cand::table)
                                                        .distinct()
                                                        .count()
                                                == 1)) {
                    votes.merge(m(i).bestOf(Kind.COLUMN).table(), 0.3, Double::sum);
                }
            }
        }
        double best =
                votes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        for (Map.Entry<TableEntry, Double> e : votes.entrySet()) {
            if (e.getValue() >= best - 1e-9) {
                focus = e.getKey();
                break;
            }
        }
        long ties = votes.values().stream().filter(v -> v >= best - 1e-9).count();
        if (ties > 1) {
            // Prefer a table another mention names.
            for (int i = 0; i < size(); i++) {
                if (kind(i) == Kind.TABLE && votes.containsKey(tableAt(i))) {
                    focus = tableAt(i);
                    return;
                }
            }
            doubt("several tables could be meant", 0.85);
        }
    }

    void setFocus(int i) {
        focus = tableAt(i);
    }

    int firstBoundary(int from, int end) {
        boolean seenMention = false;
        for (int i = from; i < end; i++) {
            if (m(i) != null) {
                seenMention = true;
                continue;
            }
            String w = w(i);
            if (!seenMention) {
                continue;
            }
            if (Cues.CLAUSE_MARKERS.contains(w) && !(w.equals("for") && isWord(i + 1, "all"))) {
                return i;
            }
            Token t = tok(i);
            if (t != null
                    && t.isWord()
                    && w.endsWith("ed")
                    && !Words.STOPWORDS.contains(w)
                    && !Words.FILLER.contains(w)
                    && w.length() > 4) {
                return i;
            }
            if (t != null
                    && t.isWord()
                    && !Words.STOPWORDS.contains(w)
                    && !Words.FILLER.contains(w)
                    && !Cues.DISTINCT.contains(w)
                    && !Cues.AGGREGATES.containsKey(w)
                    && !Linker.CUE_WORDS.contains(w)
                    && kind(i - 1) == Kind.TABLE
                    && (m(i + 1) != null
                            || isWord(i + 1, "a", "an", "the", "any", "some", "at", "more", "less", "fewer", "no"))) {
                // "How many suppliers deliver any product": a verb after the subject starts the rows part
                return i;
            }
        }
        return end;
    }

    void findHeadEnd() {
        if (mainClause) {
            headEnd = 0;
            selectTo = firstBoundary(selectFrom, size());
            return;
        }
        headEnd = firstBoundary(0, selectFrom > 0 ? selectFrom : size());
    }

    /** "For the products in stock, which supplier ...": the question proper starts after the comma. */
    int frontedClauseEnd() {
        if (!isWord(0, "for", "among", "of", "in", "within", "from", "given", "considering")) {
            return -1;
        }
        for (int i = 1; i < size() - 1; i++) {
            if (isPunct(i) && tok(i).raw().equals(",")) {
                int next = i + 1;
                if (isWord(
                        next, "which", "what", "who", "how", "list", "show", "find", "give", "return", "count",
                        "tell")) {
                    return next;
                }
                return -1;
            }
        }
        return -1;
    }

    boolean inSelectPart(int i) {
        if (selectFrom > 0) {
            return i >= selectFrom && i < selectTo;
        }
        return i < headEnd;
    }

    // ---- column resolution ---------------------------------------------------------------------------------

    /** The table a mention at i is tied to by its words: "name of the customer", "customer's name", "customer name". */
    TableEntry boundTable(int i) {
        int k = i + 1;
        // "the title, street and city of the employees": past the other coordinated columns.
        while (k < size()
                && (isWord(k, "and", "the", "its", "their")
                        || isPunct(k) && tok(k).raw().equals(",")
                        || kind(k) == Kind.COLUMN
                        || isWord(k, "name", "names", "id", "ids"))) {
            if (kind(k) == Kind.COLUMN && m(k).of(Kind.COLUMN).stream().anyMatch(Cand::composite)) {
                // "title, street and state of the employees" linked "state of the employees" as one.
                return m(k).of(Kind.COLUMN).stream()
                        .filter(Cand::composite)
                        .findFirst()
                        .orElseThrow()
                        .table();
            }
            k++;
        }
        if (!isWord(k, "of", "for", "in", "from", "about")) {
            k = i + 1;
        }
        if (isWord(k, "of", "for", "in", "from", "about")) {
            int t = skip(k + 1, DETERMINERS);
            t = skip(t, Cues.DISTINCT);
            TableEntry table = tableAt(t);
            if (table != null) {
                return table;
            }
        }
        if (isWord(i - 1, "'s")) {
            TableEntry table = tableAt(i - 2);
            if (table != null) {
                return table;
            }
        }
        TableEntry before = tableAt(i - 1);
        if (before != null) {
            return before;
        }
        if (isWord(i, "name", "names", "id", "ids", "title", "titles")
                || m(i) != null && Set.of("name", "names", "id", "ids").contains(Words.lower(m(i).text))) {
            // "the names and prices for every product", "For each store, list its id, name ..."
            for (int k2 = 0; k2 + 1 < size(); k2++) {
                if (!isWord(k2, "each", "every") || k2 + 1 == i) {
                    continue;
                }
                TableEntry each = tableAt(k2 + 1) != null ? tableAt(k2 + 1) : tableCandAt(k2 + 1);
                if (each == null && kind(k2 + 1) == Kind.COLUMN) {
                    each = entityOfKey(m(k2 + 1).bestOf(Kind.COLUMN).column());
                }
                if (each != null
                        && (k2 > i
                                || isWord(i - 1, "its", "their")
                                || isWord(i - 2, "its", "their")
                                || isPunct(i - 1) && isWord(i - 3, "its", "their"))) {
                    return each;
                }
            }
        }
        return null;
    }

    /** Resolves a column mention to one column, preferring its bound table, the focus and tables in play. */
    ColumnEntry column(int i) {
        ColumnEntry composite = compositeWithFollowing(i);
        if (composite != null) {
            return composite;
        }
        Cand best = bestColumnCand(i, false);
        return best == null ? null : best.column();
    }

    /** "the name and the launch year of the product": product + name is the column ProductName. */
    ColumnEntry compositeWithFollowing(int i) {
        Mention mention = m(i);
        if (mention == null) {
            return null;
        }
        int k = i + 1;
        List<String> xStems = new ArrayList<>();
        while (k < size()
                && (isWord(k, "and", "the") || isPunct(k) && tok(k).raw().equals(",") || kind(k) == Kind.COLUMN)) {
            if (kind(k) == Kind.COLUMN) {
                // "the name and the launch year of the product": the product is named inside the next mention
                boolean afterOf = false;
                for (int t = m(k).start; t < m(k).end; t++) {
                    if (afterOf && !tokens.get(t).isStop()) {
                        xStems.add(tokens.get(t).stem());
                    }
                    afterOf |= tokens.get(t).is("of");
                }
                if (!xStems.isEmpty()) {
                    break;
                }
            }
            k++;
        }
        int x = skip(k + 1, DETERMINERS);
        if (!xStems.isEmpty()) {
            x = -1;
        } else if (!isWord(k, "of", "for")) {
            return null;
        }
        if (x < 0) {
            // the words were found inside the coordinated mention
        } else if (m(x) != null && kind(x) != Kind.VALUE) {
            for (int t = m(x).start; t < m(x).end; t++) {
                if (!tokens.get(t).isStop()) {
                    xStems.add(tokens.get(t).stem());
                }
            }
        } else if (tok(x) != null && tok(x).isWord() && !tok(x).isStop()) {
            xStems.add(tok(x).stem());
        } else {
            return null;
        }
        for (TableEntry t : index.tables) {
            if (SchemaIndex.stems(SchemaIndex.stripGeneric(t.words)).equals(xStems)) {
                // a table is named: binding to it is the table's own business
                return null;
            }
        }
        List<String> own = new ArrayList<>();
        for (int t = mention.start; t < mention.end; t++) {
            if (!tokens.get(t).isStop()) {
                own.add(tokens.get(t).stem());
            }
        }
        List<String> joined = new ArrayList<>(xStems);
        joined.addAll(own);
        for (SchemaIndex.Target t : index.lookup(joined)) {
            if (!t.isTable() && t.quality() >= 0.95 && t.stems().equals(joined)) {
                return t.column();
            }
        }
        return null;
    }

    Cand bestColumnCand(int i, boolean quiet) {
        Mention mention = m(i);
        if (mention == null) {
            return null;
        }
        List<Cand> cols = mention.of(Kind.COLUMN);
        if (cols.isEmpty()) {
            return null;
        }
        TableEntry bound = boundTable(i);
        Set<TableEntry> named = namedTables();
        Set<String> spanStems = new HashSet<>();
        for (int k = mention.start; k < mention.end; k++) {
            spanStems.add(tokens.get(k).stem());
        }
        TableEntry sibling = null;
        String siblingTail = null;
        int prev = skipBack(i - 1, Set.of("the", "and", ",", "its", "their"));
        if (prev < i - 1
                && kind(prev) == Kind.COLUMN
                && (isWord(i - 1, "and") || isWord(i - 2, "and") || isPunct(i - 1) || isPunct(i - 2))) {
            Cand p = bestColumnCand(prev, true);
            sibling = p == null ? null : p.table();
            siblingTail =
                    p == null ? null : p.column().words.get(p.column().words.size() - 1);
        }
        TableEntry valueTable = null;
        int vb = skipBack(
                i - 1,
                Set.of("that", "which", "who", "is", "are", "was", "with", "whose", "has", "of", "its", "the", "a"));
        if (vb < i - 1 && kind(vb) == Kind.VALUE) {
            // "an employee who is age 30": the employee's age
            valueTable = m(vb).bestOf(Kind.VALUE).table();
        }
        Set<String> questionStems = new HashSet<>();
        for (Token t : tokens) {
            if (t.isWord() && !t.isStop()) {
                questionStems.add(t.stem());
            }
        }
        Mention nextSibling = null;
        int nxt = skip(i + 1, Set.of("the", "and", ",", "its", "their"));
        if (nxt > i + 1 && kind(nxt) == Kind.COLUMN && (isWord(i + 1, "and") || isPunct(i + 1))) {
            nextSibling = m(nxt);
        }
        Cand best = null;
        double bestScore = -1;
        double second = -1;
        for (Cand c : cols) {
            double s = c.quality();
            if (c.table() == bound) {
                s += 0.6;
            } else if (bound != null && references(bound, c.table())) {
                // "descriptions for invoices" in the table the invoices refer to
                s += 0.55;
            }
            if (c.table() == sibling) {
                s += 0.3;
            }
            if (siblingTail != null
                    && c.quality() < 0.9
                    && c.column().words.get(c.column().words.size() - 1).equals(siblingTail)) {
                // "the buyer name and seller": the seller's name
                s += 0.3;
            }
            if (nextSibling != null && nextSibling.of(Kind.COLUMN).stream().anyMatch(x -> x.table() == c.table())) {
                s += 0.15;
            }
            if (c.table() == valueTable) {
                s += 0.5;
            }
            for (String w : c.column().words) {
                if (!spanStems.contains(Words.singular(w))
                        && questionStems.contains(Words.singular(w))
                        && !Set.of("id", "name", "code", "number").contains(w)) {
                    // "the seller who has the highest rating points": seller_rating_points
                    s += 0.1;
                }
            }
            if (spanStems.containsAll(SchemaIndex.stems(SchemaIndex.stripGeneric(c.table().words))) && !c.composite()) {
                s += 0.25;
            }
            if (c.column().isPrimaryKey()) {
                s += 0.05;
            }
            if (c.table() == focus) {
                s += 0.3;
            }
            if (named.contains(c.table()) || required.contains(c.table())) {
                s += 0.2;
            }
            if (focus != null && adjacent(focus, c.table())) {
                s += 0.05;
            }
            if (s > bestScore + 1e-9) {
                second = bestScore;
                bestScore = s;
                best = c;
            } else if (s > second) {
                second = s;
            }
        }
        if (!quiet
                && second >= bestScore - 0.04
                && cols.stream().map(Cand::table).distinct().count() > 1) {
            doubt("'" + mention.text + "' could be several columns", 0.8);
        }
        if (!quiet && best.quality() < 0.8) {
            doubt("'" + mention.text + "' only partly matches " + best.column(), 0.9);
        }
        return best;
    }

    Set<TableEntry> namedTables() {
        Set<TableEntry> out = new LinkedHashSet<>();
        if (focus != null) {
            out.add(focus);
        }
        for (int i = 0; i < size(); i++) {
            if (kind(i) == Kind.TABLE) {
                out.add(tableAt(i));
            }
        }
        return out;
    }

    /** The best value reading of a mention, preferring tables in play and a column named next to it. */
    Cand value(int i) {
        List<Cand> values = m(i).of(Kind.VALUE);
        if (values.isEmpty()) {
            return null;
        }
        Set<ColumnEntry> nearColumns = new HashSet<>();
        for (int k : new int[] {i - 1, i - 2, i + 1, i - 3}) {
            if (kind(k) == Kind.COLUMN) {
                for (Cand c : m(k).of(Kind.COLUMN)) {
                    nearColumns.add(c.column());
                }
            }
        }
        Set<TableEntry> named = namedTables();
        TableEntry nearTable = null;
        int tb = skipBack(
                i - 1,
                Set.of(
                        "from", "in", "of", "the", "at", "with", "are", "is", "who", "that", "live", "lives", "living",
                        "based", "located"));
        if (kind(i + 1) == Kind.TABLE) {
            // "Norwegian buyers", "the Ferns family": a value of the table it qualifies
            nearTable = tableAt(i + 1);
        } else if (tb < i - 1 && kind(tb) == Kind.TABLE) {
            // "customers from Germany": a value of the customers
            nearTable = tableAt(tb);
        }
        Cand best = null;
        double bestScore = -1;
        double second = -1;
        for (Cand c : values) {
            double s = c.quality();
            if (nearColumns.contains(c.column())) {
                s += 0.5;
            }
            if (c.table() == nearTable) {
                s += 0.4;
            }
            if (c.table() == focus) {
                s += 0.3;
            }
            if (named.contains(c.table()) || required.contains(c.table())) {
                s += 0.2;
            }
            if (plainerColumnAmong(c, values)) {
                // "Norway" in country and in ship_country: the bare name is the entity's own attribute
                s += 0.15;
            }
            if (s > bestScore) {
                second = bestScore;
                bestScore = s;
                best = c;
            } else if (s > second) {
                second = s;
            }
        }
        if (second >= bestScore - 0.04) {
            doubt("'" + m(i).text + "' is a value of several columns", 0.85);
        }
        TableEntry home = nearTable != null ? nearTable : focus;
        if (best != null && home != null && best.table() != home && !nearColumns.contains(best.column())) {
            for (ColumnEntry own : home.columns) {
                if (own.text()
                        && own.samples.isEmpty()
                        && own.words.equals(best.column().words)
                        && !own.words.contains("name")
                        && !own.words.contains("title")) {
                    // "clients in Bergen" where only the staff's city was sampled: the clients' own city, whose
                    // values are not known, is what the question means. Not for names: "jazz records" names a
                    // style, not a record called Jazz.
                    doubt("'" + m(i).text + "' is not among the sampled values of " + own, 0.85);
                    return Cand.value(own, best.value(), best.quality());
                }
            }
        }
        return best;
    }

    /** Another reading of the same value is in a column whose name is this one's with a prefix. */
    static boolean plainerColumnAmong(Cand c, List<Cand> values) {
        List<String> words = c.column().words;
        for (Cand o : values) {
            List<String> other = o.column().words;
            if (o.column() != c.column()
                    && other.size() > words.size()
                    && other.subList(other.size() - words.size(), other.size()).equals(words)) {
                return true;
            }
        }
        return false;
    }

    TableEntry tableAfter(int i) {
        int k = skip(i, DETERMINERS);
        TableEntry t = tableAt(k);
        return t != null ? t : focus;
    }

    boolean attributeDescending(Lexicon.Attribute attr, ColumnEntry c) {
        boolean desc = attr.higherFirst();
        // Age read from a birth date runs the other way: the oldest has the earliest date.
        if (attr.columnWords().get(0).equals("age")
                && (c.temporal() || c.words.contains("birth") || c.words.contains("dob"))) {
            desc = !desc;
        }
        return desc;
    }

    /** The column an adjective refers to ("older" → age), in the table given or any table in play. */
    ColumnEntry attributeColumn(Lexicon.Attribute attr, TableEntry preferred) {
        List<List<String>> tries = new ArrayList<>();
        tries.add(attr.columnWords());
        tries.addAll(
                Lexicon.ATTRIBUTE_ALTERNATIVES.getOrDefault(attr.columnWords().get(0), List.of()));
        for (List<String> words : tries) {
            List<ColumnEntry> cols = new ArrayList<>(index.columnsNamed(words));
            if (cols.isEmpty()) {
                cols.addAll(index.columnsEndingWith(words));
            }
            ColumnEntry pick = null;
            for (ColumnEntry c : cols) {
                if (c.table == preferred) {
                    return c;
                }
                if (pick == null && (c.table == focus || required.contains(c.table))) {
                    pick = c;
                }
            }
            if (pick != null) {
                return pick;
            }
            if (cols.size() == 1) {
                return cols.get(0);
            }
        }
        return null;
    }

    TableEntry tableForVerb(String w) {
        if (w.length() < 4 || Words.STOPWORDS.contains(w)) {
            return null;
        }
        String root = Words.root(w);
        if (root.length() < 4) {
            return null;
        }
        for (TableEntry t : index.tables) {
            if (t == focus) {
                continue;
            }
            for (String tw : t.words) {
                String r = Words.root(tw);
                if (r.length() >= 4 && (r.startsWith(root) || root.startsWith(r))) {
                    return t;
                }
            }
        }
        return null;
    }

    boolean pluralAt(int k) {
        Mention mm = m(k);
        if (mm == null) {
            return false;
        }
        Token last = tokens.get(mm.end - 1);
        return !last.stem().equals(last.lower());
    }

    boolean attributeMatches(Lexicon.Attribute attr, ColumnEntry c) {
        List<List<String>> tries = new ArrayList<>();
        tries.add(attr.columnWords());
        tries.addAll(
                Lexicon.ATTRIBUTE_ALTERNATIVES.getOrDefault(attr.columnWords().get(0), List.of()));
        List<String> stems = SchemaIndex.stems(c.words);
        for (List<String> t : tries) {
            if (stems.containsAll(SchemaIndex.stems(t))) {
                return true;
            }
        }
        return false;
    }

    /** "hired after 2003": the date column named by the verb (EmpHireDate), in the tables in play. */
    ColumnEntry dateColumnForVerb(String verb) {
        String root = Words.root(verb);
        if (root.length() < 3) {
            return null;
        }
        List<TableEntry> tables = new ArrayList<>();
        if (focus != null) {
            tables.add(focus);
        }
        tables.addAll(required);
        for (TableEntry t : tables) {
            for (ColumnEntry c : t.columns) {
                if (!(c.temporal() || c.words.contains("year") || c.words.contains("date"))) {
                    continue;
                }
                for (String w : c.words) {
                    String r = Words.root(w);
                    if (r.length() >= 3 && (r.startsWith(root) || root.startsWith(r))) {
                        return c;
                    }
                }
            }
        }
        return null;
    }

    /** "projects started per year", "parcels delivered by month": the date column a verb of the question names. */
    ColumnEntry dateNamedByVerb(TableEntry t) {
        for (int i = 0; i < size(); i++) {
            if (used(i) || kind(i) != null || tok(i) == null || !tok(i).isWord() || tok(i).isStop()) {
                continue;
            }
            String w = w(i);
            if (!(w.endsWith("ed") || w.endsWith("ing")) || w.length() < 5) {
                continue;
            }
            ColumnEntry c = dateColumnForVerb(w);
            if (c != null && c.table == t && c.temporal()) {
                use(i);
                return c;
            }
        }
        return null;
    }

    /** The date column of a table the question works with: one named in the question, or the only one. */
    ColumnEntry timeColumn(TableEntry preferred) {
        for (int i = 0; i < size(); i++) {
            if (kind(i) == Kind.COLUMN) {
                for (Cand c : m(i).of(Kind.COLUMN)) {
                    if (c.column().temporal()) {
                        return c.column();
                    }
                }
            }
        }
        List<TableEntry> tables = new ArrayList<>();
        if (preferred != null) {
            tables.add(preferred);
        }
        if (focus != null && !tables.contains(focus)) {
            tables.add(focus);
        }
        for (TableEntry t : required) {
            if (!tables.contains(t)) {
                tables.add(t);
            }
        }
        for (TableEntry t : tables) {
            List<ColumnEntry> dates =
                    t.columns.stream().filter(ColumnEntry::temporal).toList();
            if (dates.size() == 1) {
                return dates.get(0);
            }
            if (dates.size() > 1) {
                ColumnEntry named = dateNamedByVerb(t);
                if (named != null) {
                    return named;
                }
                doubt("several date columns in " + t.name + "; used " + dates.get(0).name, 0.9);
                return dates.get(0);
            }
        }
        return null;
    }

    Cand valueInColumn(int k, ColumnEntry col) {
        if (kind(k) != Kind.VALUE) {
            return null;
        }
        for (Cand c : m(k).of(Kind.VALUE)) {
            if (c.column() == col) {
                return c;
            }
        }
        return null;
    }

    /** Of a mention's columns, the one holding names or titles, for a proper-noun value. */
    ColumnEntry nameLike(int k) {
        ColumnEntry resolved = column(k);
        if (m(k).best() >= 0.9) {
            return resolved;
        }
        for (Cand c : m(k).of(Kind.COLUMN)) {
            if (c.column().text()
                    && (c.column().words.contains("name") || c.column().words.contains("title"))) {
                return c.column();
            }
        }
        return resolved;
    }

    /** The year column of the table named closest before position i ("an order in 2022"), else any. */
    ColumnEntry yearColumnNear(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
            TableEntry t = kind(k) == Kind.TABLE ? tableAt(k) : null;
            if (t != null) {
                for (ColumnEntry c : t.columns) {
                    if (c.words.contains("year") && !c.temporal()) {
                        return c;
                    }
                }
            }
        }
        return yearColumn();
    }

    ColumnEntry yearColumn() {
        List<TableEntry> tables = new ArrayList<>();
        if (focus != null) {
            tables.add(focus);
        }
        tables.addAll(required);
        for (TableEntry t : tables) {
            for (ColumnEntry c : t.columns) {
                if (c.words.contains("year") && !c.temporal()) {
                    return c;
                }
            }
        }
        return null;
    }
}
