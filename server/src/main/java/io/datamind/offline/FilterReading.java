package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.Plan.Literal;
import io.datamind.offline.Plan.Operand;
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

/** Reads negation, equality filters on sampled and unknown values, and numbers equal to columns. */
abstract class FilterReading extends AggregateReading {

    FilterReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    // ---- negation, values ---------------------------------------------------------------------------------------

    void parseNegations() {
        for (int i = 0; i < size(); i++) {
            if (used(i) || !(Cues.NEGATIONS.contains(w(i)) || Cues.EXCLUDING.contains(w(i)))) {
                continue;
            }
            if (isWord(i, "nor", "neither")) {
                continue;
            }
            innerNumbers.clear();
            // Scope: up to the next clause break.
            int k = i + 1;
            int targetAt = -1;
            List<Integer> inner = new ArrayList<>();
            for (; k < size() && k < i + 8; k++) {
                if (isPunct(k) && !tok(k).raw().equals("'")) {
                    break;
                }
                if (isWord(k, "and", "but", "or") && targetAt >= 0) {
                    break;
                }
                if (used(k)) {
                    continue;
                }
                if (kind(k) == Kind.TABLE && tableAt(k) != focus) {
                    // "do not supply any product": the last table named is the one related through the others
                    if (targetAt >= 0) {
                        use(targetAt);
                    }
                    targetAt = k;
                } else if (targetAt >= 0
                        && kind(k) == Kind.COLUMN
                        && numberUnit(k + 1) != null
                        && !used(k + 1)
                        && column(k).table != focus) {
                    // "not having an order in year 2021": the year belongs inside
                    innerNumbers.add(k);
                } else if (targetAt >= 0
                        && isWord(k, "in")
                        && numberUnit(k + 1) != null
                        && !used(k + 1)
                        && numberUnit(k + 1).text().matches("(1[89]|20)\\d\\d")) {
                    innerNumbers.add(k);
                } else if (kind(k) == Kind.VALUE) {
                    inner.add(k);
                    if (targetAt < 0) {
                        Cand v = value(k);
                        if (v.table() == focus) {
                            // "not France" on the focus table is a plain inequality, left to the value pass.
                            break;
                        }
                    }
                }
            }
            if (targetAt < 0 && inner.isEmpty()) {
                continue;
            }
            if (focus == null) {
                continue;
            }
            TableEntry target =
                    targetAt >= 0 ? tableAt(targetAt) : value(inner.get(0)).table();
            if (target == focus) {
                continue;
            }
            Membership sub = membership(target, inner);
            if (sub == null) {
                continue;
            }
            use(i);
            if (isWord(i - 1, "do", "does", "did", "have", "has", "had", "is", "are", "was", "were") && !used(i - 1)) {
                use(i - 1);
            }
            if (targetAt >= 0) {
                use(targetAt);
            }
            for (int v : inner) {
                use(v);
            }
            Set<TableEntry> innerTables = new HashSet<>();
            innerTables.add(sub.subquery().root);
            for (Plan.Join j : sub.subquery().joins) {
                innerTables.add(j.table());
            }
            for (int at : innerNumbers) {
                Cond c;
                if (isWord(at, "in")) {
                    ColumnEntry year = yearColumnNear(at + 1);
                    if (year == null || !innerTables.contains(year.table)) {
                        continue;
                    }
                    Literal n = numberUnit(at + 1);
                    c = year.temporal()
                            ? new Plan.YearIs(year, "=", Integer.parseInt(n.text()))
                            : new Plan.Compare(Expr.col(year), "=", year.text() ? new Literal(n.text(), false) : n);
                } else {
                    ColumnEntry col = column(at);
                    if (!innerTables.contains(col.table)) {
                        continue;
                    }
                    Literal n = numberUnit(at + 1);
                    c = new Plan.Compare(Expr.col(col), "=", col.text() ? new Literal(n.text(), false) : n);
                }
                use(at, at + 2);
                sub.subquery().where.add(c);
            }
            // "order any product launched after 2020": conditions after the negation on the negated side go inside
            for (java.util.Iterator<Cond> it = where.iterator(); it.hasNext(); ) {
                Cond c = it.next();
                Integer pos = condPos.get(c);
                Set<TableEntry> tables = new HashSet<>();
                collectTables(c, tables);
                if (pos != null && pos > i && !tables.contains(focus) && innerTables.containsAll(tables)) {
                    it.remove();
                    sub.subquery().where.add(c);
                }
            }
            where.add(new Plan.InSubquery(sub.outer(), true, sub.subquery()));
        }
    }

    Membership membership(TableEntry target, List<Integer> valueUnits) {
        Set<TableEntry> need = new LinkedHashSet<>();
        need.add(target);
        List<Cond> conds = new ArrayList<>();
        for (int v : valueUnits) {
            Cand c = value(v);
            need.add(c.table());
            conds.add(new Plan.Compare(Expr.col(c.column()), "=", new Literal(c.value(), false)));
        }
        JoinPlanner.Result path = JoinPlanner.connect(focus, need, preferredEdges);
        if (!path.connected() || path.joins().isEmpty()) {
            return null;
        }
        if (path.ambiguities() > 0) {
            doubt("more than one way to relate " + focus.name + " and " + target.name, 0.8);
        }
        if (path.parallel() > 0) {
            doubt("two different keys relate " + focus.name + " and " + target.name, 0.5);
        }
        Plan.Join first = path.joins().get(0);
        Edge e = first.edge();
        if (e.fromColumns().size() != 1) {
            return null;
        }
        TableEntry next = first.table();
        ColumnEntry outer = e.columnsOf(focus).get(0);
        ColumnEntry innerCol = e.columnsOf(next).get(0);
        Plan sub = new Plan();
        sub.root = next;
        sub.tables.add(next);
        sub.select.add(Expr.col(innerCol));
        Set<TableEntry> innerNeed = new LinkedHashSet<>(need);
        JoinPlanner.Result innerPath = JoinPlanner.connect(next, innerNeed, preferredEdges);
        if (!innerPath.connected()) {
            return null;
        }
        sub.joins.addAll(innerPath.joins());
        sub.where.addAll(conds);
        return new Membership(outer, sub);
    }

    void parseValues() {
        for (int i = 0; i < size(); i++) {
            if (used(i) || kind(i) != Kind.VALUE) {
                continue;
            }
            if (m(i).end - m(i).start == 1 && tokens.get(m(i).start).kind() == Token.Kind.NUMBER) {
                // numbers are read with their context by the number pass
                continue;
            }
            Cand v = value(i);
            // Neighbouring values of the same column joined by "or" / "and" / ",".
            List<Integer> group = new ArrayList<>();
            group.add(i);
            boolean sawAnd = false;
            boolean sawOr = false;
            boolean butNot = false;
            int j = i + 1;
            while (j < size()) {
                int k = j;
                boolean sep = false;
                while (k < size()
                        && (isWord(k, "or", "and", "nor")
                                || isPunct(k) && tok(k).raw().equals(",")
                                || isWord(k, "the", "a", "an", "also"))) {
                    sawAnd |= isWord(k, "and");
                    sawOr |= isWord(k, "or");
                    sep = true;
                    k++;
                }
                if (isWord(k, "but") && isWord(k + 1, "not") || isWord(k, "not")) {
                    break;
                }
                if (!sep || kind(k) != Kind.VALUE || used(k)) {
                    break;
                }
                Cand other = valueInColumn(k, v.column());
                if (other == null) {
                    break;
                }
                use(j, k);
                group.add(k);
                j = k + 1;
            }
            boolean negated = negatedBefore(i);
            boolean both = isWord(i - 1, "both") || isWord(i - 2, "both") && isWord(i - 1, "the", "a", "an");
            List<Operand> literals = new ArrayList<>();
            for (int g : group) {
                Cand c = g == i ? v : valueInColumn(g, v.column());
                literals.add(new Literal(c.value(), false));
                use(g);
                markColumnNear(g, c.column());
            }
            if (both) {
                use(isWord(i - 1, "both") ? i - 1 : i - 2);
            }
            required.add(v.table());
            // "... but not Y": the rest of the rows minus those with Y.
            int after = group.get(group.size() - 1) + 1;
            if (!negated
                    && isWord(after, "but")
                    && isWord(after + 1, "not")
                    && kind(after + 2) == Kind.VALUE
                    && !used(after + 2)) {
                Cand other = valueInColumn(after + 2, v.column());
                if (other != null) {
                    use(after, after + 3);
                    butNotValues
                            .computeIfAbsent(v.column(), x -> new ArrayList<>())
                            .add(other.value());
                }
            }
            if (group.size() > 1 && (both || sawAnd && !sawOr && v.table() != focus && focus != null)) {
                List<String> vals = new ArrayList<>();
                for (Operand o : literals) {
                    vals.add(((Literal) o).text());
                }
                bothValues.put(v.column(), vals);
                continue;
            }
            Expr left = Expr.col(v.column());
            Cond made = literals.size() == 1
                    ? new Plan.Compare(left, negated ? "!=" : "=", literals.get(0))
                    : new Plan.InList(left, negated, literals);
            condPos.put(made, i);
            where.add(made);
        }
    }

    /**
     * Two required values of one column of the focus ("from Ohio or Texas", "pens and pencils") can only both
     * hold one at a time: they are alternatives.
     */
    void mergeAlternatives() {
        Map<ColumnEntry, List<Plan.Compare>> byColumn = new LinkedHashMap<>();
        for (Cond c : where) {
            if (c instanceof Plan.Compare cmp
                    && cmp.op().equals("=")
                    && cmp.left().agg() == Agg.NONE
                    && cmp.left().bucket() == null
                    && cmp.right() instanceof Literal) {
                byColumn.computeIfAbsent(cmp.left().column(), k -> new ArrayList<>())
                        .add(cmp);
            }
        }
        for (Map.Entry<ColumnEntry, List<Plan.Compare>> e : byColumn.entrySet()) {
            if (e.getValue().size() < 2) {
                continue;
            }
            if (e.getKey().table != focus && focus != null && andBetweenValues(e.getValue())) {
                // "suppliers that sell pens and that sell pencils": both values, each on its own rows
                where.removeAll(e.getValue());
                List<String> vals = new ArrayList<>();
                for (Plan.Compare cmp : e.getValue()) {
                    vals.add(((Literal) cmp.right()).text());
                }
                bothValues.put(e.getKey(), vals);
                continue;
            }
            int at = where.indexOf(e.getValue().get(0));
            markSeparatorsBetween(e.getValue());
            where.removeAll(e.getValue());
            List<Operand> values = new ArrayList<>();
            for (Plan.Compare cmp : e.getValue()) {
                values.add(cmp.right());
            }
            where.add(at, new Plan.InList(Expr.col(e.getKey()), false, values));
        }
    }

    void markSeparatorsBetween(List<Plan.Compare> conds) {
        int first = -1;
        int last = -1;
        for (Plan.Compare c : conds) {
            String v = ((Literal) c.right()).text();
            for (int i = 0; i < size(); i++) {
                boolean hit = m(i) != null
                                && kind(i) == Kind.VALUE
                                && value(i) != null
                                && value(i).value().equals(v)
                        || tok(i) != null && tok(i).raw().equals(v);
                if (hit) {
                    first = first < 0 ? i : Math.min(first, i);
                    last = Math.max(last, i);
                    break;
                }
            }
        }
        for (int i = first + 1; i < last; i++) {
            if (isWord(i, "or", "either")) {
                use(i);
            }
        }
    }

    boolean andBetweenValues(List<Plan.Compare> conds) {
        List<Integer> at = new ArrayList<>();
        for (Plan.Compare c : conds) {
            String v = ((Literal) c.right()).text();
            for (int i = 0; i < size(); i++) {
                if (m(i) != null
                        && kind(i) == Kind.VALUE
                        && value(i) != null
                        && value(i).value().equals(v)) {
                    at.add(i);
                    break;
                }
            }
        }
        if (at.size() < 2) {
            return false;
        }
        boolean and = false;
        for (int i = at.get(0) + 1; i < at.get(at.size() - 1); i++) {
            if (isWord(i, "or")) {
                return false;
            }
            and |= isWord(i, "and");
        }
        return and;
    }

    boolean negatedBefore(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 4; k--) {
            if (used(k) && !isWord(k, "not")) {
                break;
            }
            if (isWord(k, "not", "never", "except", "excluding", "besides")
                    || isWord(k, "other") && isWord(k + 1, "than")) {
                use(k);
                if (isWord(k, "other")) {
                    use(k + 1);
                }
                if (isWord(k - 1, "do", "does", "did", "is", "are", "was", "were")) {
                    use(k - 1);
                }
                return true;
            }
            if (m(k) != null || isPunct(k)) {
                break;
            }
        }
        return false;
    }

    /** A column mentioned right next to its value ("country France", "France as country") is explained by it. */
    void markColumnNear(int valueAt, ColumnEntry col) {
        for (int k : new int[] {valueAt - 1, valueAt - 2, valueAt + 1, valueAt - 3}) {
            if (kind(k) == Kind.COLUMN && !used(k)) {
                for (Cand c : m(k).of(Kind.COLUMN)) {
                    if (c.column() == col) {
                        use(k);
                        return;
                    }
                }
            }
            if (kind(k) == Kind.TABLE && !used(k) && (k == valueAt - 1 || k == valueAt - 2 && isWord(k + 1, "the"))) {
                Set<String> colStems = new HashSet<>(SchemaIndex.stems(col.words));
                boolean shares = true;
                for (int t = m(k).start; t < m(k).end; t++) {
                    shares &= tokens.get(t).isStop()
                            || colStems.contains(tokens.get(t).stem());
                }
                if (shares) {
                    // "the brand Acme": the word names the value's column, not another table.
                    use(k);
                    return;
                }
            }
            if (kind(k) == Kind.TABLE && !used(k) && tableAt(k) == col.table && k == valueAt + 1) {
                // "Boston store" style: the table word after a value of its own column.
                use(k);
                return;
            }
        }
    }

    /** Quoted strings and capitalized names not in the samples: bound to the column named next to them. */
    void parseUnknownValues() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            Token t = tok(i);
            if (t == null
                    || !(t.kind() == Token.Kind.QUOTED
                            || t.isWord() && t.capitalized() && !Words.STOPWORDS.contains(t.lower()))) {
                continue;
            }
            // A run of capitalized words is one name.
            int end = i + 1;
            if (t.isWord()) {
                while (end < size()
                        && tok(end) != null
                        && tok(end).isWord()
                        && (tok(end).capitalized()
                                || isWord(end, "of", "de", "la", "the", "and")
                                        && tok(end + 1) != null
                                        && tok(end + 1).isWord()
                                        && tok(end + 1).capitalized())
                        && !used(end)) {
                    end++;
                }
            }
            String text = t.kind() == Token.Kind.QUOTED ? t.raw() : joinRaw(i, end);
            ColumnEntry col = null;
            int colAt = -1;
            int before =
                    skipBack(i - 1, Set.of("is", "are", "was", "were", "of", "as", "=", "equals", "the", "a", "an"));
            boolean determinerBefore = isWord(i - 1, "the", "a", "an");
            boolean asked = isWord(before - 1, "which", "what")
                    || isWord(before - 2, "which", "what") && isWord(before - 1, "the");
            if (determinerBefore && (kind(end) == Kind.TABLE || kind(end) == Kind.COLUMN) && !used(end)) {
                // "the Main Street store": the name of that store.
                if (kind(end) == Kind.TABLE) {
                    List<ColumnEntry> d = displayColumns(tableAt(end));
                    if (!d.isEmpty()) {
                        col = d.get(0);
                        colAt = end;
                    }
                } else if (!column(end).numeric() && !column(end).temporal()) {
                    col = nameLike(end);
                    colAt = end;
                }
            } else if (isWord(before, "named", "called", "titled", "name", "title")) {
                TableEntry owner =
                        tableAt(skipBack(before - 1, Set.of("the", "a", "an", "is", "are", "that", "which", "who")));
                if (owner == null) {
                    owner = focus;
                }
                List<ColumnEntry> d = owner == null ? List.of() : displayColumns(owner);
                if (!d.isEmpty()) {
                    col = d.get(0);
                    colAt = before;
                }
            } else if (kind(before) == Kind.COLUMN && !asked) {
                ColumnEntry c = column(before);
                if (!c.numeric()) {
                    col = c;
                    colAt = before;
                }
            } else if (kind(before) == Kind.TABLE) {
                List<ColumnEntry> d = displayColumns(tableAt(before));
                if (!d.isEmpty()) {
                    col = d.get(0);
                    colAt = before;
                }
            } else if (kind(end) == Kind.COLUMN && !used(end)) {
                ColumnEntry c = column(end);
                if (!c.numeric()) {
                    col = c;
                    colAt = end;
                }
            } else if (asked && kind(before) == Kind.COLUMN && focus != null) {
                // "Which region is Springfield in?": Springfield names a row of the focus.
                List<ColumnEntry> d = displayColumns(column(before).table);
                if (!d.isEmpty()) {
                    col = d.get(0);
                    colAt = -1;
                }
            }
            if (col != null && text.matches("[A-Z0-9]{2,5}")) {
                // "currency 'EUR'": a code, not a name
                for (ColumnEntry c : col.table.columns) {
                    if (c.text()
                            && (c.words.contains("code")
                                    || c.words.contains("abbreviation")
                                    || c.words.contains("abbrev")
                                    || c.words.contains("symbol")
                                    || c.words.contains("iso"))) {
                        col = c;
                        break;
                    }
                }
            }
            if (col == null) {
                continue;
            }
            boolean negated = negatedBefore(i);
            use(i, end);
            if (colAt >= 0) {
                use(colAt);
            }
            required.add(col.table);
            Cond made = new Plan.Compare(Expr.col(col), negated ? "!=" : "=", new Literal(text, false));
            condPos.put(made, i);
            where.add(made);
            if (!col.samples.isEmpty()) {
                // The column's values are all known and this is not one of them: the binding is wrong.
                doubt("'" + text + "' is not a value of " + col, 0.3);
            } else if (colAt < 0) {
                doubt("'" + text + "' was taken as a " + col, 0.5);
            } else {
                doubt(
                        "'" + text + "' is not among the sampled values of " + col,
                        t.kind() == Token.Kind.QUOTED ? 0.95 : 0.85);
            }
            i = end - 1;
        }
    }

    /** "with 4 doors", "a headcount of 120", "level 9": a number equal to a column. */
    void parseNumberEqualities() {
        for (int i = 0; i < size(); i++) {
            boolean numericValue = kind(i) == Kind.VALUE
                    && m(i).end - m(i).start == 1
                    && tokens.get(m(i).start).kind() == Token.Kind.NUMBER;
            if (used(i) || !isNumber(i) && !numericValue) {
                continue;
            }
            Literal n = numericValue ? new Literal(tokens.get(m(i).start).raw(), true) : number(i);
            int after = i + 1;
            if (kind(after) == Kind.COLUMN && !used(after) && !column(after).text()) {
                ColumnEntry c = column(after);
                use(i, after + 1);
                Cond made = new Plan.Compare(Expr.col(c), "=", n);
                condPos.put(made, i);
                where.add(made);
                continue;
            }
            int k = skipBack(i - 1, Set.of("of", "is", "are", "was", "were", "=", "equals", "being", "the", "both"));
            if (kind(k) == Kind.COLUMN && !used(k)) {
                ColumnEntry c = column(k);
                use(k, i + 1);
                List<Operand> values = new ArrayList<>();
                values.add(c.text() ? new Literal(n.text(), false) : n);
                // "levels 9 or 10"
                int j = i + 1;
                while ((isWord(j, "or", "and") || isPunct(j) && tok(j).raw().equals(","))
                        && numberUnit(j + 1) != null
                        && !used(j + 1)
                        && postOperatorAt(j) == null) {
                    Literal more = numberUnit(j + 1);
                    values.add(c.text() ? new Literal(more.text(), false) : more);
                    use(j, j + 2);
                    j += 2;
                }
                boolean both = false;
                for (int b = k; b < i; b++) {
                    both |= isWord(b, "both");
                }
                if (values.size() == 1) {
                    Cond made = new Plan.Compare(Expr.col(c), "=", values.get(0));
                    condPos.put(made, i);
                    where.add(made);
                } else if (both && c.table != focus) {
                    // "customers with orders in both 2022 and 2023": rows for each value, intersected
                    bothValues.put(
                            c, values.stream().map(o -> ((Literal) o).text()).toList());
                } else {
                    where.add(new Plan.InList(Expr.col(c), false, values));
                }
                continue;
            }
            // "in 2022" on a text or integer year column.
            if (isWord(i - 1, "both") && isWord(i - 2, "in", "of", "during", "for", "from")) {
                use(i - 1);
            }
            int prep = isWord(i - 1, "both") ? i - 2 : i - 1;
            if (isWord(prep, "in", "of", "during", "for", "from") && n.text().matches("(1[89]|20)\\d\\d")) {
                ColumnEntry year = yearColumnNear(i);
                if (year != null) {
                    use(prep, i + 1);
                    where.add(new Plan.Compare(Expr.col(year), "=", year.text() ? new Literal(n.text(), false) : n));
                    // "in 2022 or 2023", "in both 2022 and 2023"
                    int j = i + 1;
                    while ((isWord(j, "or", "and") || isPunct(j) && tok(j).raw().equals(","))
                            && numberUnit(j + 1) != null
                            && !used(j + 1)) {
                        Literal more = numberUnit(j + 1);
                        where.add(new Plan.Compare(
                                Expr.col(year), "=", year.text() ? new Literal(more.text(), false) : more));
                        use(j, j + 2);
                        j += 2;
                    }
                }
            }
            if (kind(i) == null && m(i) != null) {
                continue;
            }
        }
        // Numbers that matched a sampled text value ("2022" as a fiscal year).
        for (int i = 0; i < size(); i++) {
            if (!used(i)
                    && kind(i) == Kind.VALUE
                    && tokens.get(units.get(i).start()).kind() == Token.Kind.NUMBER) {
                Cand v = value(i);
                use(i);
                where.add(new Plan.Compare(Expr.col(v.column()), "=", new Literal(v.value(), false)));
            }
        }
    }
}
