package io.datamind.offline;

import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads ordering, limits ("top 5"), superlatives ("the youngest", "the most orders") and "most common". */
abstract class RankReading extends SchemaReading {

    RankReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    // ---- ordering and limits -------------------------------------------------------------------------------

    void parseOrdering() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            String w = w(i);
            boolean verb = Cues.ORDER_VERBS.contains(w);
            boolean inOrder = w.equals("in")
                    && (isWord(i + 1, "order")
                            || Cues.ASCENDING.contains(w(i + 1))
                            || Cues.DESCENDING.contains(w(i + 1))
                            || isWord(i + 1, "the") && isWord(i + 2, "order"));
            boolean bareDirection = (Cues.ASCENDING.contains(w) || Cues.DESCENDING.contains(w))
                    && !(isWord(i + 1, "order") && !isWord(i - 1, "in"));
            // "List the staff from youngest to oldest": a range of a superlative is an order, not a superlative.
            boolean fromTo = w.equals("from") && fromToDirection(i) != null;
            if (!verb && !inOrder && !bareDirection && !fromTo) {
                continue;
            }
            int end = orderPhrase(i);
            if (end < 0) {
                continue;
            }
        }
    }

    int orderPhrase(int i) {
        orderByCount = false;
        Boolean desc = null;
        List<ColumnEntry> cols = new ArrayList<>();
        int j = i;
        int last = i;
        if ((i == 0 || isWord(i - 1, "please")) && Cues.ORDER_VERBS.contains(w(i))) {
            // "Sort product names by price": what follows the verb is what to show; the order comes after "by".
            int by = i + 1;
            while (by < size() && !isWord(by, "by") && by < i + 8) {
                by++;
            }
            if (!isWord(by, "by")) {
                return -1;
            }
            use(i);
            j = by;
            last = by;
        }
        while (j < size()) {
            String w = w(j);
            if (Cues.ASCENDING.contains(w)) {
                desc = desc == null ? Boolean.FALSE : desc;
                if (w.equals("reverse")) {
                    desc = Boolean.TRUE;
                }
            } else if (Cues.DESCENDING.contains(w)) {
                desc = Boolean.TRUE;
            } else if (kind(j) == Kind.COLUMN && !used(j)) {
                cols.add(column(j));
                orderMentions.put(cols.size() - 1 + orders.size(), j);
            } else if (w.equals("from") && fromToDirection(j) != null) {
                Object[] ft = fromToDirection(j);
                desc = (Boolean) ft[0];
                if (ft[1] != null && cols.isEmpty()) {
                    cols.add((ColumnEntry) ft[1]);
                }
                last = (int) ft[2];
                j = last + 1;
                continue;
            } else if ((isWord(j, "count", "frequency") || isWord(j, "number") && !isWord(j + 1, "of"))
                    && cols.isEmpty()
                    && kind(j) == null) {
                orderByCount = true;
            } else if (Cues.ORDER_VERBS.contains(w)
                    || Set.of(
                                    "by",
                                    "in",
                                    "the",
                                    "of",
                                    "order",
                                    "according",
                                    "to",
                                    "on",
                                    "their",
                                    "its",
                                    "them",
                                    "results",
                                    "result",
                                    "then",
                                    "and",
                                    "it",
                                    "based",
                                    "with",
                                    "respect",
                                    "alphabetic",
                                    "value",
                                    "values")
                            .contains(w)) {
                // part of the phrase
            } else if (isPunct(j) && tok(j).raw().equals(",") && !cols.isEmpty()) {
                // "sorted by age, oldest first"
            } else if ((Cues.HIGH.contains(w) || Cues.LOW.contains(w) || Lexicon.superlative(w) != null)
                    && isWord(j + 1, "first", "last")) {
                boolean high = Cues.HIGH.contains(w)
                        || Lexicon.superlative(w) != null
                                && Lexicon.superlative(w).higherFirst();
                desc = isWord(j + 1, "first") == high;
                j += 2;
                last = j - 1;
                continue;
            } else {
                break;
            }
            last = j;
            j++;
        }
        // Trailing words like "the", "and", "by" do not belong to the phrase.
        while (last > i
                && Set.of("the", "and", "then", "by", "of", "in", "on", "it", "them", "with")
                        .contains(w(last))
                && kind(last) == null) {
            last--;
        }
        boolean hasDirection = desc != null;
        if (orderByCount) {
            use(i, last + 1);
            countOrder = new Plan.Order(Expr.countAll(), desc != null && desc);
            return last;
        }
        if (cols.isEmpty() && !hasDirection && !Cues.ORDER_VERBS.contains(w(i))) {
            return -1;
        }
        if (cols.isEmpty() && Cues.ORDER_VERBS.contains(w(i)) && !hasDirection && !isWord(i + 1, "by")) {
            return -1;
        }
        use(i, last + 1);
        boolean d = desc != null && desc;
        if (cols.isEmpty()) {
            // "in descending order": of the column just named, else of the first selected one.
            int k = skipBack(i - 1, Set.of("the", ",", "and"));
            if (kind(k) == Kind.COLUMN && !inSelectPart(k)) {
                ColumnEntry c = column(k);
                use(k);
                orders.add(new Plan.Order(Expr.col(c), d));
            } else {
                orderFallback = true;
                orderFallbackDesc = d;
            }
        } else {
            for (ColumnEntry c : cols) {
                orders.add(new Plan.Order(Expr.col(c), d));
            }
        }
        return last;
    }

    /** "from the most expensive to the cheapest": direction, implied column, end unit. */
    Object[] fromToDirection(int j) {
        int a = skip(j + 1, Set.of("the"));
        String first = w(a);
        if (first.equals("most") || first.equals("least")) {
            first = first + " " + w(a + 1);
            a++;
        }
        int to = a + 1;
        if (!isWord(to, "to")) {
            return null;
        }
        int b = skip(to + 1, Set.of("the"));
        String second = w(b);
        if (second.equals("most") || second.equals("least")) {
            b++;
        }
        Lexicon.Attribute attr = Lexicon.superlative(first);
        if (attr == null) {
            attr = Lexicon.superlative(comparativeToSuperlative(first));
        }
        Boolean desc = null;
        ColumnEntry col = null;
        if (attr != null) {
            desc = attr.higherFirst();
            col = attributeColumn(attr, focus);
            if (col != null && !col.numeric() && attr.columnWords().get(0).equals("age")) {
                desc = !desc;
            }
        } else if (Cues.HIGH.contains(first) || first.equals("z")) {
            desc = true;
        } else if (Cues.LOW.contains(first) || first.equals("a")) {
            desc = false;
        }
        if (desc == null) {
            return null;
        }
        return new Object[] {desc, col, b};
    }

    /**
     * "the earliest and latest order dates": two opposite superlatives of one attribute before a column ask for
     * its minimum and maximum, not for the rows holding either.
     */
    boolean extremesOfOneColumn(int i, Lexicon.Attribute attr) {
        if (!isWord(i + 1, "and") || used(i + 2) || !isHead(i)) {
            return false;
        }
        Lexicon.Attribute other = Lexicon.superlative(w(i + 2));
        if (other == null
                || !other.columnWords().equals(attr.columnWords())
                || other.higherFirst() == attr.higherFirst()) {
            return false;
        }
        int c = skip(i + 3, Set.of("the"));
        TableEntry named = kind(c) == Kind.TABLE ? tableAt(c) : null;
        if (named != null
                && kind(c + 1) == Kind.COLUMN
                && m(c + 1).of(Kind.COLUMN).stream().anyMatch(x -> x.table() == named)) {
            c++;
        }
        if (kind(c) != Kind.COLUMN || used(c)) {
            return false;
        }
        ColumnEntry col = column(c);
        select.add(new Item(i, Expr.agg(attr.higherFirst() ? Agg.MAX : Agg.MIN, col)));
        select.add(new Item(i + 2, Expr.agg(other.higherFirst() ? Agg.MAX : Agg.MIN, col)));
        use(i, c + 1);
        return true;
    }

    static String comparativeToSuperlative(String w) {
        if (w.endsWith("est")) {
            return w;
        }
        return w + "est";
    }

    void parseTopN() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            int n = -1;
            int numberAt = -1;
            if (isWord(i, "top", "first", "bottom") && (isNumber(i + 1) || Cues.numberWord(w(i + 1)) != null)) {
                numberAt = i + 1;
            } else if (isWord(i, "the")
                    && isNumber(i + 1)
                    && (Cues.SUPERLATIVE_HIGH.contains(w(i + 2))
                            || Cues.SUPERLATIVE_LOW.contains(w(i + 2))
                            || Lexicon.superlative(w(i + 2)) != null)) {
                numberAt = i + 1;
            }
            if (numberAt < 0) {
                continue;
            }
            n = isNumber(numberAt) ? (int) Double.parseDouble(tok(numberAt).raw()) : Cues.numberWord(w(numberAt));
            if (n <= 0 || n > 10000) {
                continue;
            }
            boolean bottom = isWord(i, "bottom");
            use(i, numberAt + 1);
            limit = n;
            int k = numberAt + 1;
            String s = w(k);
            Lexicon.Attribute attr = Lexicon.superlative(s);
            boolean columnNext = kind(skip(k + 1, Set.of("the"))) == Kind.COLUMN;
            if ((Cues.SUPERLATIVE_HIGH.contains(s) || Cues.SUPERLATIVE_LOW.contains(s))
                    && (attr == null || columnNext)) {
                boolean desc = Cues.SUPERLATIVE_HIGH.contains(s);
                int c = skip(k + 1, Set.of("the"));
                if (kind(c) == Kind.COLUMN) {
                    use(k, c + 1);
                    orders.add(new Plan.Order(Expr.col(column(c)), desc));
                } else {
                    use(k);
                    orderFallback = true;
                    orderFallbackDesc = desc;
                }
            } else if (attr != null) {
                ColumnEntry c = attributeColumn(attr, tableAfter(k + 1));
                if (c != null) {
                    use(k);
                    orders.add(new Plan.Order(Expr.col(c), attributeDescending(attr, c)));
                }
            } else {
                // "top 5 X by Y", "by total sales", "by number of orders": the ranking follows "by".
                for (int b = k; b < size() && b < k + 4; b++) {
                    if (!isWord(b, "by")) {
                        continue;
                    }
                    int c = b + 1;
                    Agg agg = Agg.NONE;
                    if (isWord(c, "total", "sum", "average", "avg", "mean")) {
                        agg = Cues.AGGREGATES.get(w(c));
                        c = skip(c + 1, Set.of("of", "the"));
                    } else if (isWord(c, "number", "count") && isWord(c + 1, "of") && kind(c + 2) == Kind.TABLE) {
                        use(b, c + 3);
                        required.add(tableAt(c + 2));
                        orders.add(new Plan.Order(Expr.countAll(), !bottom));
                        break;
                    }
                    TableEntry owner = tableAt(c);
                    if (owner != null && kind(c + 1) == Kind.COLUMN) {
                        required.add(owner);
                        c++;
                    }
                    if (kind(c) == Kind.COLUMN && !used(c)) {
                        use(b, c + 1);
                        orders.add(new Plan.Order(new Expr(agg, column(c), false, null), !bottom));
                        break;
                    }
                }
            }
        }
    }

    // ---- superlatives ------------------------------------------------------------------------------------

    void parseMostCommon() {
        for (int i = 0; i < size(); i++) {
            if (used(i) || !isWord(i, "most", "least")) {
                continue;
            }
            boolean desc = isWord(i, "most");
            int k = i + 1;
            if (!isWord(k, "common", "frequent", "popular", "often", "frequently", "commonly", "usual", "typical")) {
                continue;
            }
            int end = k + 1;
            if (isWord(end, "used", "seen", "occurring", "appearing")) {
                end++;
            }
            int c = skip(end, Set.of("of", "the"));
            int col = -1;
            if (kind(c) == Kind.COLUMN && !used(c)) {
                col = c;
            } else {
                int b = skipBack(i - 1, Set.of("the", "is", "are", "was", "that", "which", "being"));
                if (kind(b) == Kind.COLUMN && !used(b)) {
                    col = b;
                }
            }
            int tableAt = kind(c) == Kind.TABLE && !used(c) ? c : -1;
            int before = skipBack(i - 1, Set.of("the", "is", "are", "was", "that", "which", "being"));
            if (col < 0
                    && tableAt < 0
                    && kind(before) == Kind.TABLE
                    && !used(before)
                    && (tableAt(before) != focus || namedTables().size() > 1)) {
                tableAt = before;
            }
            if (col < 0 && tableAt >= 0) {
                // "the most common category of products": the related table with the most rows
                use(i, end);
                use(tableAt);
                groupTables.add(tableAt(tableAt));
                required.add(tableAt(tableAt));
                mostCommon = new Sup(Kind.TABLE, null, Agg.COUNT, tableAt(tableAt), desc);
                continue;
            }
            if (col < 0) {
                continue;
            }
            ColumnEntry ce = column(col);
            use(i, end);
            use(col);
            mostCommon = new Sup(Kind.COLUMN, ce, Agg.COUNT, null, desc);
            select.add(new Item(col, Expr.col(ce)));
        }
    }

    void parseSuperlatives() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            String w = w(i);
            String two = w + " " + w(i + 1);
            Lexicon.Attribute attr = Lexicon.superlative(two);
            int width = 2;
            if (attr == null) {
                attr = Lexicon.superlative(w);
                width = 1;
            }
            boolean high = Cues.SUPERLATIVE_HIGH.contains(w);
            boolean low = Cues.SUPERLATIVE_LOW.contains(w);
            if (attr == null && !high && !low) {
                continue;
            }
            if (numberAt(i + 1) != null || bucketWordAt(i + 1) != null) {
                // "the last 30 days", "last month": a period, read by the time pass
                continue;
            }
            if (isWord(skipBack(i - 1, Set.of("the")), "than")) {
                // "more employees than the minimum": a comparison with an aggregate, read by the comparison pass
                continue;
            }
            int probe = skip(i + 1, Set.of("the"));
            if (isWord(probe, "amount", "number") && isWord(probe + 1, "of")) {
                probe = skip(probe + 2, Set.of("the"));
            }
            boolean countedAfter = isWord(skip(i + 1, Set.of("the")), "number", "amount", "count")
                    && isWord(skip(i + 1, Set.of("the")) + 1, "of");
            if (attr != null && (high || low) && (kind(probe) == Kind.COLUMN || countedAfter)) {
                // "largest list price": a plain superlative of the named column, not the adjective's attribute.
                attr = null;
                width = 1;
            }
            if (attr != null && width == 1 && extremesOfOneColumn(i, attr)) {
                continue;
            }
            int k = skip(i + width, Set.of("the"));
            TableEntry named = kind(k) == Kind.TABLE ? tableAt(k) : null;
            if (named != null
                    && !isWord(i, "most", "least", "fewest")
                    && kind(k + 1) == Kind.COLUMN
                    && !used(k + 1)
                    && m(k + 1).of(Kind.COLUMN).stream().anyMatch(x -> x.table() == named)) {
                // "the highest plant price": the plants' price, not the plant with the most rows
                required.add(tableAt(k));
                k = k + 1;
            }
            if (attr == null) {
                // "the most orders", "the highest number of orders", "the largest total sales", "the highest age"
                Agg agg = null;
                int aggAt = -1;
                if (isWord(k, "amount") && isWord(k + 1, "of") && !pluralAt(skip(k + 2, Set.of("the")))) {
                    // "the smallest amount of stock" is the value itself
                    aggAt = k;
                    k = skip(k + 2, Set.of("the"));
                } else if (isWord(k, "amount") && isWord(k + 1, "of")) {
                    // "the greatest amount of orders" counts them
                    agg = Agg.COUNT;
                    aggAt = k;
                    k = skip(k + 2, Set.of("the"));
                } else if (isWord(k, "number", "count") && isWord(k + 1, "of")) {
                    agg = Agg.COUNT;
                    aggAt = k;
                    k = skip(k + 2, Cues.DISTINCT);
                    k = skip(k, Set.of("the"));
                } else if (isWord(k, "total", "sum", "average", "avg", "mean")) {
                    agg = Cues.AGGREGATES.get(w(k));
                    aggAt = k;
                    k = skip(k + 1, Set.of("of", "the"));
                }
                boolean inHead = isHead(i) && !precededByRelation(i);
                if (kind(k) == Kind.TABLE && (agg == null || agg == Agg.COUNT)) {
                    TableEntry counted = tableAt(k);
                    if (counted == focus && agg == null && !headSelectsColumnOf(focus)) {
                        continue;
                    }
                    use(i, k + 1);
                    required.add(counted);
                    sup = new Sup(Kind.TABLE, null, Agg.COUNT, counted, high);
                    continue;
                }
                if (kind(k) == Kind.COLUMN) {
                    ColumnEntry c = column(k);
                    if (agg == Agg.COUNT && c.numeric() && !c.isIdentifier() && !c.isForeignKey()) {
                        // "the highest number of items sold", "the smallest amount of stock"
                        agg = null;
                    }
                    if (inHead && agg == null && (!headHasOtherTarget(i, k) || hasGroupingCue())) {
                        // "What is the highest age": an aggregate, read by the aggregate pass.
                        continue;
                    }
                    use(i, k + 1);
                    if (aggAt >= 0) {
                        use(aggAt);
                    }
                    if (agg == null && isWord(i, "most", "least", "fewest") && c.text() && !inHead && pluralAt(k)) {
                        // "placed the most orders": count them
                        agg = Agg.COUNT;
                    }
                    if (agg == Agg.COUNT && !c.numeric()) {
                        required.add(c.table);
                        sup = new Sup(Kind.TABLE, null, Agg.COUNT, c.table, high);
                    } else {
                        sup = new Sup(Kind.COLUMN, c, agg == null ? Agg.NONE : agg, null, high);
                        if (isHead(i) && !precededByRelation(i)) {
                            // "the highest salary and the name of ...": show the ranked value too.
                            select.add(new Item(k, new Expr(agg == null ? Agg.NONE : agg, c, false, null)));
                        }
                    }
                    continue;
                }
                if (isWord(i, "most", "least") && agg == null && !isWord(i + 1, "of")) {
                    // "the most" with nothing countable after it: the rows of the question's subject.
                    int after = i + 1;
                    if (isWord(after, "times", "often", "frequently", "number") || isPunct(after) || after >= size()) {
                        // "the product ordered most times": what is counted is named by the verb.
                        TableEntry counted = null;
                        for (int b = i - 1; b >= Math.max(0, i - 3) && counted == null; b--) {
                            if (!used(b) && m(b) == null) {
                                counted = tableForVerb(w(b));
                                if (counted != null) {
                                    use(b);
                                }
                            }
                        }
                        use(i, isPunct(after) || after >= size() ? i + 1 : after + 1);
                        if (counted != null) {
                            required.add(counted);
                        }
                        sup = new Sup(Kind.TABLE, null, Agg.COUNT, counted, high);
                    }
                }
                continue;
            }
            // Adjective superlatives: "the youngest employee", "the oldest".
            TableEntry t = tableAfter(k);
            ColumnEntry c = attributeColumn(attr, t);
            if (c == null) {
                continue;
            }
            use(i, i + width);
            if (tableAt(k) != null) {
                required.add(tableAt(k));
            }
            sup = new Sup(Kind.COLUMN, c, Agg.NONE, null, attributeDescending(attr, c));
        }
    }

    /** "the status with the most orders": the head shows a column of the counted table. */
    boolean headSelectsColumnOf(TableEntry t) {
        for (int i = 0; i < size(); i++) {
            if (isHead(i)
                    && kind(i) == Kind.COLUMN
                    && m(i).of(Kind.COLUMN).stream().anyMatch(c -> c.table() == t)) {
                return true;
            }
        }
        return false;
    }

    boolean hasGroupingCue() {
        for (int i = 0; i < size(); i++) {
            if (isWord(i, "each", "every", "per")
                    || isWord(i, "by") && !passiveBefore(i) && !Cues.ORDER_VERBS.contains(w(i - 1))) {
                return true;
            }
            if (isWord(i, "for") && isWord(i + 1, "all") && Cues.DISTINCT.contains(w(skip(i + 2, Set.of("the"))))) {
                return true;
            }
        }
        return false;
    }

    boolean precededByRelation(int i) {
        int k = skipBack(i - 1, Set.of("the"));
        return isWord(
                k,
                "with",
                "has",
                "have",
                "had",
                "having",
                "whose",
                "of",
                "by",
                "for",
                "in",
                "got",
                "gets",
                "received",
                "earned",
                "made");
    }

    boolean headHasOtherTarget(int supAt, int colAt) {
        for (int i = 0; i < size(); i++) {
            if (!isHead(i)) {
                continue;
            }
            if (i == supAt || i == colAt || used(i)) {
                continue;
            }
            if (kind(i) == Kind.COLUMN && Cues.AGGREGATES.containsKey(w(i))) {
                continue;
            }
            if (kind(i) == Kind.COLUMN) {
                int a = skipBack(i - 1, Set.of("the", "of"));
                boolean aggregated = Cues.AGGREGATES.containsKey(w(a))
                        || isWord(a, "number", "count")
                        || isWord(a, "many") && isWord(a - 1, "how");
                if (!aggregated) {
                    return true;
                }
                continue;
            }
            if (isWord(i, "which") && (kind(i + 1) == Kind.TABLE || kind(i + 1) == Kind.COLUMN)) {
                return true;
            }
            if (isWord(i, "who")) {
                return true;
            }
        }
        return false;
    }

    boolean passiveBefore(int i) {
        String prev = w(i - 1);
        if (Cues.ORDER_VERBS.contains(prev)
                || prev.equals("grouped")
                || prev.equals("broken")
                || prev.equals("split")) {
            return prev.equals("ordered") || prev.equals("sorted") || Cues.ORDER_VERBS.contains(prev);
        }
        return prev.endsWith("ed")
                || prev.endsWith("en") && prev.length() > 4
                || Set.of(
                                "made", "held", "won", "led", "run", "sung", "done", "built", "sold", "bought",
                                "taught", "paid", "owned", "hit", "set", "put", "caught", "brought", "told", "read",
                                "shot", "drawn", "played")
                        .contains(prev);
    }
}
