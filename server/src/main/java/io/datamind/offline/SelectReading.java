package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.List;
import java.util.Set;

/** Reads what to show: the columns of the head, names and keys of entities, "both X and Y". */
abstract class SelectReading extends FilterReading {

    SelectReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    void parseSelect() {
        int from = selectFrom > 0 ? selectFrom : 0;
        int to = selectFrom > 0 ? selectTo : headEnd;
        boolean anyColumn = false;
        for (int i = from; i < to; i++) {
            if (used(i)) {
                continue;
            }
            int conj = skipBack(i - 1, Set.of("the", "corresponding", "respective"));
            if (kind(i) == Kind.TABLE
                    && tableAt(i) != focus
                    && (isWord(conj, "and") || isWord(conj, "as") && isWord(conj - 1, "well") && isWord(conj - 2, "as"))
                    && !displayColumns(tableAt(i)).isEmpty()) {
                // "the names of managers and the departments": show the departments too.
                use(i);
                required.add(tableAt(i));
                for (ColumnEntry d : displayColumns(tableAt(i))) {
                    select.add(new Item(i, Expr.col(d)));
                }
                continue;
            }
            if ((kind(i) == null && tok(i) != null && tok(i).isWord() && !tok(i).isStop()
                            || kind(i) == Kind.COLUMN && m(i).end - m(i).start == 1 && m(i).best() < 0.9)
                    && !used(i)) {
                ColumnEntry elided = elidedColumn(i);
                if (elided != null) {
                    // "first and last name": first_name too
                    use(i);
                    select.add(new Item(i, Expr.col(elided)));
                    continue;
                }
            }
            if (kind(i) == Kind.COLUMN
                    && Set.of("name", "names").contains(Words.lower(m(i).text))
                    && kind(i - 1) == Kind.COLUMN
                    && column(i - 1).text()
                    && !isWord(i - 1, "first", "last")) {
                // "the payment method name" is the payment method.
                use(i);
                continue;
            }
            if (kind(i) == Kind.COLUMN
                    && m(i).best() < 0.7
                    && isWord(skipBack(i - 1, DETERMINERS), "of")
                    && anyColumn) {
                // "the email of the manager": "manager" only says whose
                use(i);
                doubt("'" + m(i).text + "' read as whose attributes are shown", 0.9);
                continue;
            }
            if (kind(i) == Kind.COLUMN) {
                ColumnEntry c = column(i);
                TableEntry bound = boundTable(i);
                if (isWord(i, "name", "names")
                        || m(i).text.equalsIgnoreCase("name")
                        || m(i).text.equalsIgnoreCase("names")) {
                    if (bound != null
                            && c.table != bound
                            && !displayColumns(bound).isEmpty()) {
                        use(i);
                        for (ColumnEntry d : displayColumns(bound)) {
                            select.add(new Item(i, Expr.col(d)));
                        }
                        anyColumn = true;
                        continue;
                    }
                }
                use(i);
                boolean dist = false;
                int k = i - 1;
                while (k >= 0 && (DETERMINERS.contains(w(k)) || Cues.DISTINCT.contains(w(k)))) {
                    dist |= Cues.DISTINCT.contains(w(k)) && !used(k);
                    k--;
                }
                if (dist) {
                    distinct = true;
                    for (int d = k + 1; d < i; d++) {
                        if (Cues.DISTINCT.contains(w(d))) {
                            use(d);
                        }
                    }
                }
                TableEntry entity = entityOfKey(c);
                if (entity != null && !dist) {
                    // "which supplier" read as products.Supplier: show the supplier, not its key.
                    required.add(entity);
                    for (ColumnEntry d : displayColumns(entity)) {
                        select.add(new Item(i, Expr.col(d)));
                    }
                } else {
                    select.add(new Item(i, Expr.col(c)));
                }
                anyColumn = true;
            } else if (isWord(i, "name", "names", "title", "titles") && !used(i)) {
                // "names" where the table's name column is called otherwise.
                TableEntry owner = boundTableOfWord(i);
                List<ColumnEntry> d = owner == null ? List.of() : displayColumns(owner);
                if (!d.isEmpty()) {
                    use(i);
                    for (ColumnEntry c : d) {
                        select.add(new Item(i, Expr.col(c)));
                    }
                    anyColumn = true;
                }
            } else if (isWord(i, "id", "ids") && !used(i)) {
                TableEntry owner = boundTableOfWord(i);
                if (owner != null && owner.primaryKey.size() == 1) {
                    use(i);
                    select.add(new Item(i, Expr.col(owner.primaryKey.get(0))));
                    anyColumn = true;
                }
            } else if (isWord(i, "everything")
                    || isWord(i, "information", "info", "details", "detail", "attributes", "columns", "data")
                            && (isWord(i - 1, "all") || isWord(i - 1, "the") && isWord(i - 2, "all"))) {
                use(i);
                star = true;
            }
        }
        for (int i = to; i < size(); i++) {
            if (!used(i)
                    && kind(i) == Kind.COLUMN
                    && isWord(i - 1, "their", "its", "his", "her")
                    && isWord(i - 2, "and", ",")) {
                // "for each employee and their first name"
                use(i);
                select.add(new Item(i, Expr.col(column(i))));
            }
        }
        if (selectFrom > 0) {
            return;
        }
        for (int i = 0; i < headEnd; i++) {
            if (Cues.DISTINCT.contains(w(i)) && !used(i) && anyColumn) {
                // "different" before a table: distinct rows of what is selected
                distinct = true;
                use(i);
            }
        }
    }

    ColumnEntry elidedColumn(int i) {
        int k = i + 1;
        while (k < size()
                && (isWord(k, "and", "or")
                        || isPunct(k) && tok(k).raw().equals(",")
                        || tok(k) != null && tok(k).isWord() && !tok(k).isStop() && kind(k) == null && k < i + 4
                        || m(k) != null && m(k).end - m(k).start == 1 && k < i + 5)) {
            k++;
        }
        if (kind(k) != Kind.COLUMN || k == i + 1 || m(k).end - m(k).start < 2) {
            return null;
        }
        Mention later = m(k);
        String tail = tokens.get(later.end - 1).stem();
        for (int t = later.start + 1; t < later.end; t++) {
            if (tokens.get(t).is("of")) {
                // "last names of employees": the tail is before "of"
                tail = tokens.get(t - 1).stem();
                break;
            }
        }
        ColumnEntry other = column(k);
        String word = tokens.get(units.get(i).start()).stem();
        for (SchemaIndex.Target t : index.lookup(List.of(word, tail))) {
            if (!t.isTable() && t.column().table == other.table && t.quality() >= 0.9) {
                return t.column();
            }
        }
        return null;
    }

    TableEntry boundTableOfWord(int i) {
        TableEntry t = boundTable(i);
        if (t != null) {
            return t;
        }
        return focus;
    }

    /** "cities that have both customers and suppliers": the shown column in each table, intersected. */
    void parseBothTables() {
        for (int i = 0; i + 3 < size(); i++) {
            if (isWord(i, "both")
                    && kind(i + 1) == Kind.TABLE
                    && isWord(i + 2, "and")
                    && kind(i + 3) == Kind.TABLE
                    && !used(i + 1)
                    && !used(i + 3)) {
                bothTables = new TableEntry[] {tableAt(i + 1), tableAt(i + 3)};
                use(i, i + 4);
                return;
            }
        }
    }

    /**
     * "cities that have buyers but no growers": a column both tables hold, the values of one minus the other's.
     * Read before negations, which would otherwise relate the two tables through their keys.
     */
    void parseTableDifference() {
        for (int i = 0; i + 2 < size(); i++) {
            if (kind(i) != Kind.TABLE || used(i) || !isWord(i + 1, "but")) {
                continue;
            }
            int b = skip(i + 2, Set.of("no", "not", "without", "any", "never"));
            if (b == i + 2 || kind(b) != Kind.TABLE || used(b) || tableAt(b) == tableAt(i)) {
                continue;
            }
            TableEntry kept = tableAt(i);
            TableEntry left = tableAt(b);
            boolean shared = false;
            for (int k = 0; k < i && !shared; k++) {
                if (kind(k) == Kind.COLUMN) {
                    for (Cand c : m(k).of(Kind.COLUMN)) {
                        shared |= kept.column(c.column().name) != null && left.column(c.column().name) != null;
                    }
                }
            }
            if (!shared) {
                continue;
            }
            bothTables = new TableEntry[] {kept, left};
            tablesOperator = "EXCEPT";
            int have = skipBack(i - 1, Set.of("a", "an", "any", "some", "the"));
            if (isWord(have, "have", "has", "had", "with")) {
                use(have);
            }
            use(i, b + 1);
            return;
        }
    }

    Plan intersectTables() {
        List<Expr> shown = select.stream().map(Item::expr).toList();
        if (shown.isEmpty() || shown.stream().anyMatch(e -> e.aggregated() || e.column() == null)) {
            return null;
        }
        Plan first = null;
        Plan last = null;
        for (TableEntry t : bothTables) {
            Plan p = new Plan();
            p.root = t;
            p.tables.add(t);
            for (Expr e : shown) {
                ColumnEntry c = t.column(e.column().name);
                if (c == null) {
                    return null;
                }
                p.select.add(Expr.col(c));
            }
            p.where.addAll(where.stream().filter(w -> conditionOn(w, t)).toList());
            if (first == null) {
                first = p;
            } else {
                last.setOperator = tablesOperator;
                last.setRight = p;
            }
            last = p;
        }
        return first;
    }

    /** Tables named in the rows part ("customers who have orders") join the query. */
    void parseExistence() {
        for (int i = 0; i < size(); i++) {
            if (used(i) || kind(i) != Kind.TABLE) {
                continue;
            }
            TableEntry t = tableAt(i);
            if (t == focus) {
                use(i);
                continue;
            }
            required.add(t);
            use(i);
            int b = skipBack(i - 1, Set.of("a", "an", "any", "some", "the"));
            if (isWord(b, "have", "has", "had", "with", "having", "own", "owns", "owned")) {
                use(b);
            }
        }
    }
}
