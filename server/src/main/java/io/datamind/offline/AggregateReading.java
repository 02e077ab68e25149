package io.datamind.offline;

import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Reads counts, sums, averages, minima and maxima, and grouping ("for each", "per", "by"). */
abstract class AggregateReading extends ConditionReading {

    AggregateReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    // ---- aggregates ------------------------------------------------------------------------------------------

    void parseAggregates() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            int k = -1;
            int cueEnd = -1;
            if (isWord(i, "number", "numbers") && isWord(i + 1, "of") && partOfColumnName(i)) {
                // "the phone numbers of growers": the word ends the name of the column before it
                use(i);
                continue;
            }
            if (isWord(i, "count", "counts") && kind(i - 1) == Kind.TABLE && !used(i - 1) && !isWord(i + 1, "of")) {
                // "order count per client": the rows of the table named before the word are counted
                TableEntry t = tableAt(i - 1);
                use(i - 1, i + 1);
                countTable = t;
                required.add(t);
                select.add(new Item(i - 1, Expr.countAll()));
                continue;
            }
            if (isWord(i, "how") && isWord(i + 1, "many")) {
                cueEnd = i + 2;
            } else if (isWord(i, "number", "numbers", "count") && isWord(i + 1, "of")
                    || isWord(i, "total")
                            && isWord(i + 1, "of")
                            && moneyColumn(tableAt(skip(i + 2, DETERMINERS))) == null
                    || isWord(i, "total") && isWord(i + 1, "number") && isWord(i + 2, "of")) {
                cueEnd = isWord(i, "total") && isWord(i + 1, "number") ? i + 3 : i + 2;
            } else if (isWord(i, "count") && (i == 0 || isWord(i - 1, "the", "a"))) {
                cueEnd = i + 1;
                if (isWord(cueEnd, "the") && isWord(cueEnd + 1, "number") && isWord(cueEnd + 2, "of")) {
                    cueEnd += 3;
                }
            } else if (isWord(i, "how") && isWord(i + 1, "much")) {
                howMuch(i);
                continue;
            }
            if (cueEnd >= 0) {
                boolean dist = false;
                k = cueEnd;
                while (k < size()
                        && (Cues.DISTINCT.contains(w(k))
                                || DETERMINERS.contains(w(k))
                                || used(k) && kind(k) == Kind.COLUMN)) {
                    dist |= Cues.DISTINCT.contains(w(k));
                    k++;
                }
                countCue(i, k, dist);
                continue;
            }
            Agg agg = Cues.AGGREGATES.get(w(i));
            if (agg == null) {
                continue;
            }
            // "average, minimum and maximum salary": several aggregates of one column.
            List<Agg> aggs = new ArrayList<>();
            aggs.add(agg);
            int j = i + 1;
            while (j < size()) {
                if (isPunct(j) && tok(j).raw().equals(",") || isWord(j, "and", "or")) {
                    j++;
                    continue;
                }
                Agg next = Cues.AGGREGATES.get(w(j));
                if (next != null && !used(j)) {
                    aggs.add(next);
                    j++;
                    continue;
                }
                break;
            }
            int c = j;
            while (c < size()
                    && Set.of("of", "the", "all", "values", "value", "amount", "amounts", "level", "levels")
                            .contains(w(c))
                    && !(kind(c) == Kind.COLUMN && m(c).best() >= 0.9)) {
                c++;
            }
            TableEntry before = tableAt(c);
            if (kind(c) == Kind.TABLE
                    && kind(c + 1) == Kind.COLUMN
                    && !used(c + 1)
                    && m(c + 1).of(Kind.COLUMN).stream()
                            .anyMatch(x -> x.table() == before && !x.column().text())) {
                // "the total invoice amount": the amount of invoices
                use(c);
                c = c + 1;
            }
            if (isWord(c, "number") && isWord(c + 1, "of")) {
                int n = skip(c + 2, Set.of("the"));
                if (kind(n) == Kind.COLUMN
                        && !used(n)
                        && column(n).numeric()
                        && !column(n).isIdentifier()
                        && m(n).bestOf(Kind.COLUMN).quality() >= 0.95) {
                    // "the maximum number of items sold": the column holds the count
                    c = n;
                } else {
                    // "the total number of X" is a count
                    continue;
                }
            }
            if (kind(c) == Kind.COLUMN && !used(c)) {
                ColumnEntry col = column(c);
                if (aggs.size() == 1 && agg == Agg.SUM && w(i).equals("total") && !col.numeric() && !col.text()) {
                    continue;
                }
                for (int a = 0; a < aggs.size(); a++) {
                    select.add(new Item(c + a, Expr.agg(aggs.get(a), col)));
                }
                use(i, c + 1);
                // "the average age and weight": the same aggregates of the next numeric column.
                int n = c + 1;
                while ((isWord(n, "and") || isPunct(n) && tok(n).raw().equals(",")) && !used(n)) {
                    int next = skip(n + 1, Set.of("the", "and"));
                    if (kind(next) != Kind.COLUMN || used(next) || !column(next).numeric()) {
                        break;
                    }
                    ColumnEntry other = column(next);
                    if (groupedLater(next, other)) {
                        break;
                    }
                    for (int a = 0; a < aggs.size(); a++) {
                        select.add(new Item(next + a, Expr.agg(aggs.get(a), other)));
                    }
                    use(n, next + 1);
                    n = next + 1;
                }
            } else if (kind(c) == Kind.TABLE && w(i).equals("total") && !used(c)) {
                ColumnEntry money = moneyColumn(tableAt(c));
                if (money != null) {
                    // "the total of all invoices" where invoices have a Total column
                    use(i, c + 1);
                    select.add(new Item(i, Expr.agg(Agg.SUM, money)));
                } else {
                    countCue(i, c, false);
                }
            }
        }
    }

    /** "phone numbers", "fax number": the word after a column of text that does not itself say number. */
    boolean partOfColumnName(int i) {
        if (i == 0 || kind(i - 1) != Kind.COLUMN) {
            return false;
        }
        ColumnEntry c = column(i - 1);
        return !c.numeric() && !c.isIdentifier() && !c.words.contains("number");
    }

    /** The column is also named after "each", "per" or "by": it is a group, not another aggregate. */
    boolean groupedLater(int at, ColumnEntry c) {
        for (int k = 0; k < size(); k++) {
            if (k != at
                    && kind(k) == Kind.COLUMN
                    && isWord(skipBack(k - 1, Set.of("the", "different")), "each", "per", "by", "every")
                    && m(k).of(Kind.COLUMN).stream().anyMatch(x -> x.column() == c)) {
                return true;
            }
        }
        return false;
    }

    void countCue(int cueAt, int k, boolean dist) {
        if (kind(k) == Kind.TABLE
                && kind(k + 1) == Kind.COLUMN
                && !used(k + 1)
                && m(k + 1).of(Kind.COLUMN).stream().anyMatch(c -> c.table() == tableAt(k))
                && !tokens.get(m(k + 1).start).lower().endsWith("ed")
                && !tokens.get(m(k + 1).end - 1).is("by")
                && !isWord(k + 2, "by")) {
            // "how many different warehouse locations": the warehouse's locations.
            ColumnEntry c = m(k + 1).of(Kind.COLUMN).stream()
                    .filter(x -> x.table() == tableAt(k))
                    .findFirst()
                    .orElseThrow()
                    .column();
            use(cueAt, k + 2);
            required.add(c.table);
            select.add(new Item(cueAt, dist || c.text() ? Expr.countDistinct(c) : Expr.countAll()));
            return;
        }
        if (kind(k) == Kind.TABLE) {
            TableEntry t = tableAt(k);
            use(cueAt, k + 1);
            countTable = t;
            required.add(t);
            if (dist && t.primaryKey.size() == 1) {
                select.add(new Item(cueAt, Expr.countDistinct(t.primaryKey.get(0))));
            } else {
                select.add(new Item(cueAt, Expr.countAll()));
            }
            return;
        }
        if (kind(k) == Kind.COLUMN && !used(k)) {
            ColumnEntry c = column(k);
            use(cueAt, k + 1);
            if (!dist
                    && c.numeric()
                    && !c.isIdentifier()
                    && !c.isForeignKey()
                    && m(k).bestOf(Kind.COLUMN).quality() >= 0.95
                    && !isWord(cueAt, "how")) {
                // "the number of items sold": a column that holds a count.
                select.add(new Item(cueAt, Expr.col(c)));
                return;
            }
            if (dist || c.text() && !c.isIdentifier() && m(k).best() >= 0.9) {
                select.add(new Item(cueAt, Expr.countDistinct(c)));
            } else if (c.numeric() && isWord(cueAt, "how")) {
                // "how many seats does it have": the column holds the count.
                select.add(new Item(cueAt, Expr.col(c)));
                doubt("'how many " + m(k).text + "' read as the value of " + c, 0.9);
            } else {
                select.add(new Item(cueAt, Expr.countAll()));
                required.add(c.table);
            }
            return;
        }
        if (kind(k) == Kind.VALUE) {
            // "how many laptops" where laptop is a value: count the rows with that value.
            use(cueAt, k);
            select.add(new Item(cueAt, Expr.countAll()));
            return;
        }
        use(cueAt, k);
        select.add(new Item(cueAt, Expr.countAll()));
    }

    void howMuch(int i) {
        int k = skip(i + 2, Set.of("the"));
        boolean together = false;
        for (int j = 0; j < size(); j++) {
            together |= Cues.TOGETHER.contains(w(j)) || isWord(j, "in") && isWord(j + 1, "total");
        }
        if (kind(k) != Kind.COLUMN) {
            moneyVerb(i);
            return;
        }
        if (kind(k) == Kind.COLUMN) {
            ColumnEntry c = column(k);
            use(i, k + 1);
            select.add(new Item(i, together ? Expr.agg(Agg.SUM, c) : Expr.col(c)));
            if (together) {
                for (int j = 0; j < size(); j++) {
                    if (Cues.TOGETHER.contains(w(j))) {
                        use(j);
                    }
                    if (isWord(j, "in") && isWord(j + 1, "total")) {
                        use(j, j + 2);
                    }
                }
            }
        }
    }

    /**
     * "How much did each buyer spend?": a verb of paying with no column named sums the one amount column (named
     * total or amount) among the tables named and their neighbours. With none or several, nothing is read and the
     * verb stays unexplained.
     */
    void moneyVerb(int how) {
        int verb = -1;
        for (int j = how + 2; j < size(); j++) {
            if (!used(j) && Lexicon.MONEY_VERBS.contains(w(j)) && kind(j) == null) {
                verb = j;
                break;
            }
        }
        if (verb < 0) {
            return;
        }
        Set<ColumnEntry> amounts = new LinkedHashSet<>();
        for (TableEntry t : namedTables()) {
            ColumnEntry own = moneyColumn(t);
            if (own != null) {
                amounts.add(own);
                continue;
            }
            for (SchemaIndex.Edge e : t.edges) {
                ColumnEntry near = moneyColumn(e.other(t));
                if (near != null) {
                    amounts.add(near);
                }
            }
        }
        if (amounts.size() != 1) {
            return;
        }
        ColumnEntry amount = amounts.iterator().next();
        use(how, how + 2);
        use(verb);
        for (int j = 0; j < size(); j++) {
            if (Cues.TOGETHER.contains(w(j)) && !used(j)) {
                use(j);
            }
            if (isWord(j, "in") && isWord(j + 1, "total") && !used(j + 1)) {
                use(j, j + 2);
            }
        }
        if (isWord(verb - 1, "did", "do", "does", "was", "were", "is", "are", "has", "have") && !used(verb - 1)) {
            use(verb - 1);
        }
        required.add(amount.table);
        select.add(new Item(how, Expr.agg(Agg.SUM, amount)));
    }

    // ---- grouping ---------------------------------------------------------------------------------------------

    boolean anyAggregate() {
        return select.stream().anyMatch(it -> it.expr().aggregated()) || sup != null && sup.kind() == Kind.TABLE;
    }

    void parseGrouping() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            String w = w(i);
            int k;
            if (!anyAggregate()) {
                break;
            }
            if (w.equals("per")) {
                k = i + 1;
            } else if ((w.equals("for")
                            || w.equals("in")
                            || w.equals("of")
                            || w.equals("across")
                            || w.equals("within")
                            || w.equals("among")
                            || w.equals("under")
                            || w.equals("at")
                            || w.equals("on"))
                    && isWord(i + 1, "each", "every")) {
                k = i + 2;
            } else if (w.equals("for")
                    && isWord(i + 1, "all")
                    && Cues.DISTINCT.contains(w(skip(i + 2, Set.of("the"))))) {
                k = i + 2;
            } else if (w.equals("by") && !passiveBefore(i)) {
                k = i + 1;
            } else if (w.equals("each") || w.equals("every")) {
                k = i + 1;
            } else if (Cues.DISTINCT.contains(w) && isHead(i)) {
                k = i;
            } else if (isWord(i, "different") && isWord(i + 1, "number") && isWord(i + 2, "of")) {
                k = i + 3;
            } else {
                continue;
            }
            k = skip(k, Set.of("the", "different", "distinct", "individual", "unique", "each", "every"));
            if (kind(k) == Kind.COLUMN && !used(k)) {
                ColumnEntry c = column(k);
                if (bucketWordAt(k) != null && timeColumn(c.table) != null && c.temporal()) {
                    continue;
                }
                use(i, k + 1);
                TableEntry entity = entityOfKey(c);
                if (entity != null) {
                    // "for each region" where stores.Region is the region's key
                    groupTables.add(entity);
                    required.add(entity);
                    continue;
                }
                groupKeys.add(Expr.col(c));
                select.add(new Item(k, Expr.col(c)));
            } else if (kind(k) == Kind.TABLE) {
                TableEntry t = tableAt(k);
                use(i, k + 1);
                groupTables.add(t);
                required.add(t);
            } else if (Cues.DISTINCT.contains(w)) {
                continue;
            } else if (k >= size() || isPunct(k) || isWord(k, "of", "and")) {
                // "in each", "for each": grouping by what was selected.
                use(i, k);
            }
        }
    }
}
