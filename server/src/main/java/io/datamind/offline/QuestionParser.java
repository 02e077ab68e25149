package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.Plan.Literal;
import io.datamind.offline.Plan.Operand;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a linked question into a {@link Plan}. Each pass recognizes one kind of construct (ordering, limits,
 * superlatives, comparisons, aggregates, grouping, time, negation, values, the selected columns), consumes the
 * words it explains and records what it understood. Whatever is left unexplained at the end lowers confidence.
 */
final class QuestionParser extends SelectReading {

    QuestionParser(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    Reading parse() {
        resolveKinds();
        splitSentences();
        chooseFocus();
        findHeadEnd();
        parseOrdering();
        parseTopN();
        parseMostCommon();
        parseSuperlatives();
        parseTime();
        parseFlags();
        parseComparisons();
        parseAggregates();
        parseGrouping();
        parseLike();
        parseTableDifference();
        parseNegations();
        parseValues();
        parseUnknownValues();
        parseNumberEqualities();
        mergeAlternatives();
        parseBothTables();
        parseSelect();
        parseExistence();
        return assemble();
    }

    // ---- assembly ----------------------------------------------------------------------------------------------

    Reading assemble() {
        Plan p = new Plan();
        if (select.isEmpty() && countTable == null && !star && sup == null) {
            rowsOfNamedCategory();
        }
        if (focus == null) {
            if (!select.isEmpty() && select.get(0).expr().column() != null) {
                focus = select.get(0).expr().column().table;
            } else if (!required.isEmpty()) {
                focus = required.iterator().next();
            } else if (countTable != null) {
                focus = countTable;
            }
        }
        if (focus == null) {
            return new Reading(null, 0, unexplained(Set.of()), doubts);
        }
        p.root = focus;
        select.sort((a, b) -> Integer.compare(a.pos(), b.pos()));
        if (bothTables != null) {
            Plan both = intersectTables();
            if (both == null) {
                return new Reading(
                        null,
                        0,
                        List.of(tablesOperator.equals("EXCEPT") ? "... but no ..." : "both ... and ..."),
                        doubts);
            }
            Set<TableEntry> tables = new HashSet<>(List.of(bothTables));
            List<String> unexplained = unexplained(tables);
            double confidence = penalty;
            for (String u : unexplained) {
                confidence *= Lexicon.RELATION_VERBS.contains(u) ? 0.9 : 0.45;
            }
            return new Reading(both, confidence, unexplained, doubts);
        }
        // Nothing named to show: the question asks for the entities themselves ("the 3 busiest stores").
        boolean entitiesAsked = select.isEmpty() && !star && !hasWord("name") && !hasWord("names");
        List<Expr> items = new ArrayList<>();
        for (Item it : select) {
            Expr e = measureTotal(it);
            if (!items.contains(e)) {
                items.add(e);
            }
        }
        // "sales totals per month": the measure summed is not shown a second time unsummed
        items.removeIf(e -> !e.aggregated()
                && e.bucket() == null
                && e.column() != null
                && !groupKeys.contains(e)
                && items.contains(Expr.agg(Agg.SUM, e.column())));
        for (Expr e : items) {
            if (!e.aggregated() && e.column() != null && refersToOwnTable(e.column())) {
                // "Who does Ana Ruiz report to?": the answer is another row of the same table, which would
                // need the table joined to itself; showing the key would answer with a number
                doubt(
                        "'" + e.column().name + "' points to another row of " + e.column().table.name
                                + ", which would need the table joined to itself",
                        0.5);
            }
        }
        // Grouping by a table: by its key, showing its name.
        List<Expr> groupBy = new ArrayList<>(groupKeys);
        for (TableEntry t : groupTables) {
            List<ColumnEntry> display = displayColumns(t);
            boolean shown =
                    items.stream().anyMatch(e -> e.column() != null && e.column().table == t && !e.aggregated());
            if (!shown) {
                List<Expr> add = new ArrayList<>();
                for (ColumnEntry c : display.isEmpty() ? t.primaryKey : display) {
                    add.add(Expr.col(c));
                }
                items.addAll(0, add);
            }
            for (ColumnEntry c : t.primaryKey) {
                groupBy.add(Expr.col(c));
            }
            for (ColumnEntry c : display) {
                // shown columns are grouped too: not every database derives them from the key
                if (!groupBy.contains(Expr.col(c))) {
                    groupBy.add(Expr.col(c));
                }
            }
        }
        Sup rank = sup;
        if (rank != null && rank.kind() == Kind.TABLE && rank.counted() == null) {
            doubt("could not tell what to count for 'most'", 0.4);
            rank = null;
        }
        if (rank != null
                && rank.kind() == Kind.COLUMN
                && rank.agg() == Agg.NONE
                && groupTables.isEmpty()
                && groupKeys.isEmpty()
                && items.size() == 1
                && items.get(0).equals(Expr.col(rank.column()))) {
            // "the price of the most expensive product" is the maximum price.
            items.set(0, Expr.agg(rank.desc() ? Agg.MAX : Agg.MIN, rank.column()));
            rank = null;
        }
        if (groupKeys.stream().anyMatch(e -> e.bucket() != null)) {
            totalsPerBucket(items, groupBy);
        }
        boolean aggregate = items.stream().anyMatch(Expr::aggregated);
        if (items.isEmpty() && !star) {
            List<ColumnEntry> display = displayColumns(focus);
            if (display.isEmpty()) {
                if (focus.primaryKey.isEmpty()) {
                    star = true;
                } else {
                    display = focus.primaryKey;
                    doubt(focus.name + " has no name column; showing its key", 0.85);
                }
            }
            for (ColumnEntry c : display) {
                items.add(Expr.col(c));
            }
        }
        p.select.addAll(items);
        p.star = star && items.isEmpty();
        p.distinct = distinct && !aggregate;
        p.where.addAll(where);
        p.having.addAll(having);
        List<Expr> plain = items.stream()
                .filter(e -> !e.aggregated() && e.column() != null)
                .toList();
        boolean rankedByAggregate = orders.stream().anyMatch(o -> o.expr().aggregated()) && !aggregate;
        boolean entity = (!having.isEmpty() || rank != null && rank.kind() == Kind.TABLE || rankedByAggregate)
                && groupKeys.isEmpty()
                && groupTables.isEmpty();
        if (entity) {
            // Counting per row of the subject: group by the subject's key and what is shown of it.
            TableEntry counted = rank != null && rank.kind() == Kind.TABLE ? rank.counted() : countedByHaving();
            TableEntry subject = focus;
            if (!plain.isEmpty()
                    && plain.stream()
                            .allMatch(e -> e.column().table == plain.get(0).column().table)) {
                subject = plain.get(0).column().table;
            }
            if (subject == counted && !plain.isEmpty()) {
                if (otherTableInHead(counted)) {
                    // "Which growers supply the most plants" grouped by a plant column: the growers asked
                    // for are not what is shown
                    doubt("the " + counted.name + " counted are also what is shown", 0.5);
                }
                groupBy.addAll(plain);
            } else {
                groupBy.addAll(keyOf(subject));
                for (Expr e : plain) {
                    if (!groupBy.contains(e)) {
                        groupBy.add(e);
                    }
                }
            }
        } else if (aggregate || !having.isEmpty()) {
            // Implicit grouping: plain columns next to aggregates.
            for (Expr e : plain) {
                if (!groupBy.contains(e)) {
                    groupBy.add(e);
                }
            }
        }
        if (rank != null && rank.kind() == Kind.TABLE) {
            p.orderBy.add(new Plan.Order(Expr.countAll(), rank.desc()));
            p.limit = 1;
        } else if (rank != null && rank.kind() == Kind.COLUMN) {
            if (rank.agg() == Agg.NONE && groupBy.isEmpty() && aggregate) {
                // "the number of orders of the store with the largest floor area": that store, then count.
                Plan sub = new Plan();
                sub.root = rank.column().table;
                sub.tables.add(rank.column().table);
                sub.select.add(Expr.agg(rank.desc() ? Agg.MAX : Agg.MIN, rank.column()));
                p.where.add(new Plan.Compare(Expr.col(rank.column()), "=", new Plan.Scalar(sub)));
                required.add(rank.column().table);
            } else if (rank.agg() == Agg.NONE && groupBy.isEmpty()) {
                // Ties all count: compare with the extreme value over the same rows.
                Plan sub = new Plan();
                sub.root = focus;
                sub.tables.addAll(required);
                sub.tables.add(rank.column().table);
                sub.where.addAll(where);
                sub.select.add(Expr.agg(rank.desc() ? Agg.MAX : Agg.MIN, rank.column()));
                p.where.add(new Plan.Compare(Expr.col(rank.column()), "=", new Plan.Scalar(sub)));
                required.add(rank.column().table);
            } else {
                if (groupBy.isEmpty() && rank.agg() != Agg.NONE) {
                    groupBy.addAll(keyOf(focus));
                    for (Expr e : plain) {
                        if (!groupBy.contains(e)) {
                            groupBy.add(e);
                        }
                    }
                }
                p.orderBy.add(new Plan.Order(new Expr(rank.agg(), rank.column(), false, null), rank.desc()));
                p.limit = 1;
            }
        }
        if (mostCommon != null) {
            if (mostCommon.column() != null && !groupBy.contains(Expr.col(mostCommon.column()))) {
                groupBy.add(Expr.col(mostCommon.column()));
            }
            p.orderBy.add(new Plan.Order(Expr.countAll(), mostCommon.desc()));
            p.limit = 1;
        }
        if (countOrder != null) {
            // "statuses sorted by frequency": count per shown value
            for (Expr e : plain) {
                if (!groupBy.contains(e)) {
                    groupBy.add(e);
                }
            }
            p.orderBy.add(countOrder);
        }
        p.groupBy.addAll(groupBy);
        for (int o = 0; o < orders.size(); o++) {
            // "ordered by id" where one of the ids is shown: that one
            Integer at = orderMentions.get(o);
            ColumnEntry c = orders.get(o).expr().column();
            if (at != null && c != null && !items.contains(Expr.col(c))) {
                for (Cand cand : m(at).of(Kind.COLUMN)) {
                    if (items.contains(Expr.col(cand.column())) && cand.quality() >= m(at).best() - 0.35) {
                        orders.set(
                                o,
                                new Plan.Order(
                                        Expr.col(cand.column()), orders.get(o).descending()));
                        break;
                    }
                }
            }
        }
        p.orderBy.addAll(orders);
        if (orderFallback && orders.isEmpty() && (sup == null || sup.kind() != Kind.COLUMN) && mostCommon == null) {
            Expr first =
                    items.stream().filter(e -> e.column() != null).findFirst().orElse(null);
            if (first != null) {
                p.orderBy.add(new Plan.Order(first, orderFallbackDesc));
            } else {
                doubt("no column to order by", 0.5);
            }
        }
        if (limit != null) {
            p.limit = limit;
            if (p.orderBy.isEmpty()) {
                doubt("a limit without an order", 0.5);
            }
        }
        if (entitiesAsked && mostCommon == null) {
            // "the most common category" asks for a value, not entities ranked by a measure
            showRankingMeasure(p);
        }
        showCompanions(p);
        if (groupKeys.stream().anyMatch(e -> e.bucket() != null) && p.orderBy.isEmpty()) {
            for (Expr e : groupKeys) {
                if (e.bucket() != null) {
                    p.orderBy.add(new Plan.Order(e, false));
                }
            }
        }
        // Tables the query needs, joined along foreign keys from the focus.
        Set<TableEntry> need = new LinkedHashSet<>(required);
        need.add(focus);
        collectTables(p.select, need);
        collectTables(p.groupBy, need);
        for (Plan.Order o : p.orderBy) {
            collectTables(List.of(o.expr()), need);
        }
        for (Cond c : p.where) {
            collectTables(c, need);
        }
        for (Cond c : p.having) {
            collectTables(c, need);
        }
        JoinPlanner.Result joins = JoinPlanner.connect(focus, need, preferredEdges);
        if (!joins.connected()) {
            return new Reading(null, 0, List.of("no foreign-key path joins the tables the question names"), doubts);
        }
        if (joins.ambiguities() > 0) {
            doubt("more than one join path between the tables", Math.pow(0.8, joins.ambiguities()));
        }
        if (joins.parallel() > 0) {
            doubt(
                    "two different keys relate the same tables and the question does not say which",
                    Math.pow(0.5, joins.parallel()));
        }
        if (joins.joins().size() > 2) {
            doubt("a long join path", Math.pow(0.92, joins.joins().size() - 2));
        }
        p.joins.addAll(joins.joins());
        p.tables.addAll(need);
        if (!p.star && !p.hasAggregate() && p.groupBy.isEmpty() && p.orderBy.isEmpty() && p.setOperator == null) {
            // Rows of the shown tables repeat once per related row of a table on the many side: list each once.
            Set<TableEntry> shown = new HashSet<>();
            collectTables(p.select, shown);
            for (Plan.Join j : p.joins) {
                if (!shown.contains(j.edge().from()) && multiplies(j.edge())) {
                    p.distinct = true;
                }
            }
        }
        if (p.select.size() == 1
                && p.select.get(0).equals(Expr.countAll())
                && p.groupBy.isEmpty()
                && countTable == focus
                && focus.primaryKey.size() == 1) {
            // "how many customers have bought toys": each customer once
            boolean multiplied = false;
            for (Plan.Join j : p.joins) {
                multiplied |= j.edge().from() != focus && multiplies(j.edge());
            }
            if (multiplied) {
                p.select.set(0, Expr.countDistinct(focus.primaryKey.get(0)));
            }
        }
        // Subqueries repeat the outer joins.
        for (Cond c : p.where) {
            if (c instanceof Plan.Compare cmp
                    && cmp.right() instanceof Plan.Scalar s
                    && s.plan().root == focus
                    && !s.plan().tables.isEmpty()) {
                Set<TableEntry> subNeed = new LinkedHashSet<>(s.plan().tables);
                subNeed.add(focus);
                collectTables(s.plan().select, subNeed);
                for (Cond sc : s.plan().where) {
                    collectTables(sc, subNeed);
                }
                JoinPlanner.Result sj = JoinPlanner.connect(focus, subNeed, preferredEdges);
                s.plan().joins.addAll(sj.joins());
            } else if (c instanceof Plan.Compare cmp
                    && cmp.right() instanceof Plan.Scalar s
                    && s.plan().joins.isEmpty()
                    && s.plan().root != null) {
                s.plan().tables.add(s.plan().root);
            }
        }
        if (!bothValues.isEmpty() || !butNotValues.isEmpty()) {
            setOperation(p);
        }
        Set<TableEntry> inPlay = new HashSet<>(need);
        for (Plan.Join j : p.joins) {
            inPlay.add(j.table());
        }
        checkContradictions(p.where);
        if (p.having.size() > 1) {
            doubt("several conditions on counts may each need their own grouping", 0.5);
        }
        for (int i = 0; i < size(); i++) {
            if (isWord(i, "or") && !used(i) && p.having.isEmpty()) {
                // "that cost more than 100 or that were launched before 2020": either condition
                Cond before = null;
                Cond after = null;
                for (Cond c : p.where) {
                    Integer at = condPos.get(c);
                    if (at == null) {
                        continue;
                    }
                    if (at < i && (before == null || at > condPos.get(before))) {
                        before = c;
                    }
                    if (at > i && (after == null || at < condPos.get(after))) {
                        after = c;
                    }
                }
                if (before != null && after != null) {
                    int at = p.where.indexOf(before);
                    p.where.remove(before);
                    p.where.remove(after);
                    p.where.add(Math.min(at, p.where.size()), new Plan.AnyOf(List.of(before, after)));
                    use(i);
                    if (hasWord("either")) {
                        for (int e = 0; e < size(); e++) {
                            if (isWord(e, "either")) {
                                use(e);
                            }
                        }
                    }
                }
            }
        }
        if (hasWord("either") && p.where.stream().noneMatch(c -> c instanceof Plan.InList || c instanceof Plan.AnyOf)) {
            doubt("'either ... or ...' was not read as alternatives", 0.4);
        }
        for (int i = 0; i < size(); i++) {
            if (isWord(i, "or")
                    && !used(i)
                    && !isWord(i - 1, "his", "he", "him")
                    && p.where.size() + p.having.size() >= 2) {
                doubt("'or' joins conditions that were combined with 'and'", 0.5);
                break;
            }
        }
        List<String> unexplained = unexplained(inPlay);
        double confidence = penalty;
        for (String u : unexplained) {
            confidence *= Lexicon.RELATION_VERBS.contains(u) ? 0.9 : softVerbs.contains(u) ? 0.8 : 0.45;
        }
        return new Reading(p, Math.max(0, Math.min(1, confidence)), unexplained, doubts);
    }

    /**
     * A time bucket is a group: what is shown beside it is a total per period. An amount becomes its sum, and with
     * no measure the rows are counted ("tickets per week"); the bucketed date itself is not shown again. Limited to
     * one year of that date, months and quarters are numbered within the year.
     */
    void totalsPerBucket(List<Expr> items, List<Expr> groupBy) {
        Set<ColumnEntry> bucketed = new HashSet<>();
        Set<ColumnEntry> oneYear = new HashSet<>();
        for (Cond c : where) {
            if (c instanceof Plan.YearIs y && y.op().equals("=")) {
                oneYear.add(y.column());
            }
        }
        for (int g = 0; g < groupKeys.size(); g++) {
            Expr e = groupKeys.get(g);
            if (e.bucket() == null) {
                continue;
            }
            bucketed.add(e.column());
            if (oneYear.contains(e.column()) && e.bucket().withinYear() != e.bucket()) {
                Expr within = Expr.bucket(e.column(), e.bucket().withinYear());
                groupKeys.set(g, within);
                groupBy.replaceAll(x -> x.equals(e) ? within : x);
                items.replaceAll(x -> x.equals(e) ? within : x);
            }
        }
        items.removeIf(e -> e.bucket() == null && !e.aggregated() && bucketed.contains(e.column()));
        groupBy.removeIf(e -> e.bucket() == null && !e.aggregated() && bucketed.contains(e.column()));
        groupKeys.removeIf(e -> e.bucket() == null && !e.aggregated() && bucketed.contains(e.column()));
        if (items.stream().anyMatch(Expr::aggregated)) {
            return;
        }
        items.replaceAll(e -> e.bucket() == null
                        && e.column() != null
                        && e.column().numeric()
                        && !e.column().isIdentifier()
                        && !e.column().isForeignKey()
                        && !groupBy.contains(e)
                ? Expr.agg(Agg.SUM, e.column())
                : e);
        if (items.stream().noneMatch(Expr::aggregated)) {
            items.add(Expr.countAll());
        }
    }

    /**
     * "Show me all ferns", "garden tools sorted by name": the only thing named is the name of a row of a
     * lookup table that a single other table refers to. The question asks for the rows filed under it, as the
     * rows of the lookup table itself are only their own name. A sort by name is then by the rows' own name.
     */
    void rowsOfNamedCategory() {
        if (required.size() != 1 || where.isEmpty()) {
            return;
        }
        TableEntry category = required.iterator().next();
        if (focus != null && focus != category) {
            return;
        }
        for (int i = 0; i < size(); i++) {
            if (kind(i) == Kind.TABLE) {
                return;
            }
        }
        List<ColumnEntry> names = displayColumns(category);
        for (Cond c : where) {
            boolean onName = c instanceof Plan.Compare cmp
                            && cmp.op().equals("=")
                            && names.contains(cmp.left().column())
                    || c instanceof Plan.InList in
                            && !in.negated()
                            && names.contains(in.left().column());
            if (!onName) {
                return;
            }
        }
        Set<TableEntry> referrers = new LinkedHashSet<>();
        for (SchemaIndex.Edge e : category.edges) {
            if (e.to() == category && e.from() != category) {
                referrers.add(e.from());
            }
        }
        if (referrers.size() != 1) {
            return;
        }
        TableEntry rows = referrers.iterator().next();
        List<ColumnEntry> rowNames = displayColumns(rows);
        if (rowNames.isEmpty()) {
            return;
        }
        focus = rows;
        required.add(rows);
        orders.replaceAll(
                o -> o.expr().column() != null && names.contains(o.expr().column())
                        ? new Plan.Order(Expr.col(rowNames.get(0)), o.descending())
                        : o);
        doubt("the " + category.name + " named were read as their " + rows.name, 0.9);
    }

    /**
     * "our sales to Norwegian buyers": a business measure ("sales", "revenue") that the schema spells as an
     * amount column is the sum of that amount over the rows asked about, not a list of them. A column that is itself
     * named "sales" keeps its rows: the word is then its name, not a measure.
     */
    Expr measureTotal(Item it) {
        Expr e = it.expr();
        ColumnEntry c = e.column();
        Mention mention = m(it.pos());
        if (e.aggregated()
                || e.bucket() != null
                || c == null
                || mention == null
                || kind(it.pos()) != Kind.COLUMN
                || !c.numeric()
                || c.isIdentifier()
                || c.isForeignKey()) {
            return e;
        }
        for (int t = mention.start; t < mention.end; t++) {
            String word = tokens.get(t).lower();
            if (Lexicon.MEASURE_NOUNS.contains(word)
                    && !c.words.contains(tokens.get(t).stem())) {
                return Expr.agg(Agg.SUM, c);
            }
        }
        return e;
    }

    /**
     * Entities listed in an order show what they are ordered by: "the 3 stores with the most sales" shows each
     * store's count, "projects sorted by start date" the date. A column the question names to show instead
     * ("the names of ...") is taken as the whole answer, so this applies only when it asks for the entities.
     */
    static void showRankingMeasure(Plan p) {
        if (p.star || p.setOperator != null) {
            return;
        }
        for (Plan.Order o : p.orderBy) {
            Expr e = o.expr();
            if (p.select.contains(e) || e.bucket() != null) {
                continue;
            }
            boolean perGroup = e.aggregated() && !p.groupBy.isEmpty();
            boolean perRow = !e.aggregated() && e.column() != null && !p.hasAggregate() && p.groupBy.isEmpty();
            if (perGroup || perRow) {
                p.select.add(e);
            }
        }
    }

    /** "hired before 2010 and after 2010" cannot hold for one row: the reading is wrong. */
    void checkContradictions(List<Cond> conds) {
        for (Cond a : conds) {
            for (Cond b : conds) {
                if (a == b || !(a instanceof Plan.Compare x) || !(b instanceof Plan.Compare y)) {
                    continue;
                }
                if (x.left().equals(y.left())
                        && x.right() instanceof Literal lx
                        && y.right() instanceof Literal ly
                        && lx.numeric()
                        && ly.numeric()
                        && x.op().startsWith("<")
                        && y.op().startsWith(">")
                        && Double.parseDouble(ly.text()) >= Double.parseDouble(lx.text())) {
                    doubt("the conditions on " + x.left().column() + " cannot both hold", 0.3);
                }
            }
        }
    }

    void setOperation(Plan p) {
        for (Map.Entry<ColumnEntry, List<String>> e : bothValues.entrySet()) {
            List<String> vals = e.getValue();
            Plan current = p;
            Plan base = p.copy();
            current.where.add(new Plan.Compare(Expr.col(e.getKey()), "=", new Literal(vals.get(0), false)));
            for (int k = 1; k < vals.size(); k++) {
                Plan other = base.copy();
                other.where.add(new Plan.Compare(Expr.col(e.getKey()), "=", new Literal(vals.get(k), false)));
                current.setOperator = "INTERSECT";
                current.setRight = other;
                current = other;
            }
        }
        for (Map.Entry<ColumnEntry, List<String>> e : butNotValues.entrySet()) {
            Plan last = p;
            while (last.setRight != null) {
                last = last.setRight;
            }
            Plan other = p.copy();
            other.where.removeIf(
                    c -> c instanceof Plan.Compare cmp && cmp.left().column() == e.getKey());
            other.where.removeIf(c -> c instanceof Plan.InList in && in.left().column() == e.getKey());
            other.where.add(new Plan.InList(
                    Expr.col(e.getKey()),
                    false,
                    e.getValue().stream()
                            .map(v -> (Operand) new Literal(v, false))
                            .toList()));
            last.setOperator = "EXCEPT";
            last.setRight = other;
        }
        for (Plan q = p; q != null; q = q.setRight) {
            q.orderBy.clear();
            q.limit = null;
        }
    }

    TableEntry countedByHaving() {
        return countedTable;
    }

    /** After a subject word ("who manage", "do they manage", "suppliers deliver") and before an object. */
    boolean verbPosition(int i) {
        boolean subject = isWord(i - 1, "who", "that", "which", "they", "it", "he", "she", "to", "can", "will")
                || kind(i - 1) == Kind.TABLE;
        boolean object = i + 1 >= size()
                || isPunct(i + 1)
                || m(i + 1) != null
                || isWord(
                        i + 1, "a", "an", "the", "any", "some", "by", "in", "from", "to", "at", "on", "with", "more",
                        "two", "three", "one", "no", "both", "only", "all", "either");
        return subject && object && !Words.lower(tok(i).raw()).endsWith("s")
                || subject && object && tok(i).raw().endsWith("es");
    }

    boolean joinsAround(int i, Set<TableEntry> tables) {
        if (tables.size() < 2) {
            return false;
        }
        for (int k = i - 3; k <= i + 3; k++) {
            if (k == i || k < 0 || k >= size()) {
                continue;
            }
            if (kind(k) == Kind.TABLE
                    && tables.contains(tableAt(k))
                    && (k > i || isWord(k + 1, "who", "that", "which") || k == i - 1)) {
                return true;
            }
            if (isWord(k, "by") && k == i + 1 && kind(k + 1) != null) {
                return true;
            }
        }
        return false;
    }

    /** A verb naming what joins the tables ("managed" for managers, "shipped" for shipments). */
    static boolean verbOfTables(String w, Set<TableEntry> tables) {
        if (!(w.endsWith("ed") || w.endsWith("ing") || w.endsWith("en"))) {
            return false;
        }
        String root = Words.root(w);
        if (root.length() < 4) {
            return false;
        }
        for (TableEntry t : tables) {
            List<String> words = new ArrayList<>(t.words);
            for (ColumnEntry c : t.columns) {
                words.addAll(c.words);
            }
            for (String sw : words) {
                String r = Words.root(sw);
                if (r.length() >= 4 && (r.startsWith(root) || root.startsWith(r))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Words of the question that no pass explained. */
    boolean otherTableInHead(TableEntry t) {
        for (int i = 0; i < size() && isHead(i); i++) {
            if (kind(i) == Kind.TABLE && tableAt(i) != t) {
                return true;
            }
        }
        return false;
    }

    /** "List the plants of the Ferns family with their growers": the related rows' names are shown beside. */
    void showCompanions(Plan p) {
        if (p.hasAggregate() || p.star) {
            return;
        }
        for (int i = 2; i < size(); i++) {
            if (kind(i) != Kind.TABLE || !isWord(i - 2, "with") || !isWord(i - 1, "their", "its", "his", "her")) {
                continue;
            }
            TableEntry t = tableAt(i);
            if (t == focus) {
                continue;
            }
            for (ColumnEntry d : displayColumns(t)) {
                if (!p.select.contains(Expr.col(d))) {
                    p.select.add(Expr.col(d));
                }
            }
            required.add(t);
            use(i - 2, i + 1);
        }
    }

    static boolean refersToOwnTable(ColumnEntry c) {
        for (SchemaIndex.Edge e : c.table.edges) {
            if (e.from() == c.table && e.to() == c.table && e.fromColumns().contains(c)) {
                return true;
            }
        }
        return false;
    }

    boolean sumsAMeasure() {
        return select.stream()
                .map(Item::expr)
                .anyMatch(e ->
                        e.agg() == Agg.SUM && e.column() != null && e.column().numeric());
    }

    /** "buyers in the UK": a common word written in capitals is a name, and one nothing explains. */
    static boolean acronym(Token t) {
        return t.raw().length() >= 2 && t.raw().chars().allMatch(Character::isUpperCase);
    }

    List<String> unexplained(Set<TableEntry> tables) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            Unit u = units.get(i);
            if (u.mention() != null) {
                if (kind(i) == Kind.TABLE && (tableAt(i) == focus || required.contains(tableAt(i)))) {
                    continue;
                }
                out.add(u.mention().text);
                continue;
            }
            Token t = u.token();
            if (t.kind() == Token.Kind.PUNCT) {
                continue;
            }
            if (t.kind() == Token.Kind.NUMBER || t.kind() == Token.Kind.QUOTED) {
                out.add(t.raw());
                continue;
            }
            String w = t.lower();
            if ((Words.STOPWORDS.contains(w) || Words.FILLER.contains(w) || Cues.DISTINCT.contains(w)) && !acronym(t)) {
                continue;
            }
            if (Set.of("type", "types", "kind", "kinds", "category", "value").contains(w)
                    && kind(i - 1) == Kind.COLUMN
                    && used(i - 1)) {
                // "each payment type" is the payment column
                continue;
            }
            if (verbOfTables(w, tables)) {
                continue;
            }
            if (Lexicon.SALE_VERBS.contains(w) && sumsAMeasure()) {
                // "the total quantity sold per plant": the verb restates the measure summed
                continue;
            }
            if (((w.endsWith("ed") || w.endsWith("ing")) && w.length() > 4 || verbPosition(i))
                    && joinsAround(i, tables)) {
                // "customers who shopped in stores": a verb between two joined tables restates the join
                softVerbs.add(w);
            }
            if (Set.of("many", "much", "number", "count", "there", "each", "every", "not")
                    .contains(w)) {
                if (w.equals("not")) {
                    out.add(w);
                }
                continue;
            }
            out.add(w);
        }
        return out;
    }
}
