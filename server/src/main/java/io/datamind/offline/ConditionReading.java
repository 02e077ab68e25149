package io.datamind.offline;

import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Bucket;
import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.Plan.Literal;
import io.datamind.offline.Plan.Operand;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import java.util.List;
import java.util.Set;

/** Reads comparisons, dates and periods, text patterns and yes/no flags into conditions. */
abstract class ConditionReading extends RankReading {

    ConditionReading(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        super(tokens, mentions, index);
    }

    /** An operator phrase starting at i: "more than", "at least", "older than", "greater age than", "&gt;=". */
    Operator operatorAt(int i) {
        for (String[] o : OPERATORS) {
            int len = phrase(i, o[0]);
            if (len == 0 && o[0].length() <= 2 && isPunct(i) && tok(i).raw().equals(o[0])) {
                len = 1;
            }
            if (len > 0) {
                return new Operator(o[1], len, null, -1);
            }
        }
        if (isWord(i + 1, "than") && !used(i + 1)) {
            Lexicon.Attribute attr = Lexicon.comparative(w(i));
            if (attr != null) {
                return new Operator(attr.higherFirst() ? ">" : "<", 2, attr, -1);
            }
        }
        if (isWord(i, "more") && isWord(i + 2, "than")) {
            Lexicon.Attribute attr = Lexicon.comparative("more " + w(i + 1));
            if (attr != null) {
                return new Operator(attr.higherFirst() ? ">" : "<", 3, attr, -1);
            }
        }
        // "a greater floor area than 3000", "fewer employees than 5"
        if (isWord(
                        i, "more", "greater", "larger", "higher", "bigger", "longer", "less", "smaller", "fewer",
                        "lower", "shorter")
                && (kind(i + 1) == Kind.COLUMN || kind(i + 1) == Kind.TABLE)
                && isWord(i + 2, "than")) {
            boolean up = isWord(i, "more", "greater", "larger", "higher", "bigger", "longer");
            return new Operator(up ? ">" : "<", 3, null, i + 1);
        }
        return null;
    }

    String postOperatorAt(int i) {
        for (String[] po : POST_OPERATORS) {
            if (phrase(i, po[0]) > 0) {
                return po[0];
            }
        }
        return null;
    }

    static String postOperator(String phrase) {
        for (String[] po : POST_OPERATORS) {
            if (po[0].equals(phrase)) {
                return po[1];
            }
        }
        return null;
    }

    void parseComparisons() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            if (isWord(i, "between") && numberAt(i + 1) != null && isWord(i + 2, "and") && numberAt(i + 3) != null) {
                // numbers in digits, words, or matching sampled values
                Subject s = subjectAfter(i + 4);
                if (s == null || s.agg() == Agg.NONE) {
                    s = subjectBefore(i, null);
                }
                if (s == null && kind(i - 1) == null && yearLike(numberAt(i + 1)) && yearLike(numberAt(i + 3))) {
                    // "between 2019 and 2021": years of the date; "between $10 and $15" is no date
                    s = timeSubject(i);
                }
                if (s != null && s.column() != null) {
                    use(i, i + 4);
                    if (s.unit() >= 0) {
                        use(s.unit());
                    }
                    addCondition(s, new Plan.Between(s.expr(), numberAt(i + 1), numberAt(i + 3)));
                }
                continue;
            }
            // "2 or more orders": a number with its operator after it.
            if (numberUnit(i) != null && !used(i) && postOperatorAt(i + 1) != null) {
                String phrase = postOperatorAt(i + 1);
                int width = phrase.split(" ").length;
                Subject s = subjectAfter(i + 1 + width);
                if (s == null) {
                    s = subjectBefore(i, null);
                }
                if (s != null) {
                    use(i, i + 1 + width);
                    if (s.unit() >= 0) {
                        use(s.unit());
                    }
                    addCondition(s, new Plan.Compare(s.expr(), postOperator(phrase), numberUnit(i)));
                }
                continue;
            }
            boolean negated = isWord(i, "not") && !isWord(i + 1, "less", "more", "greater", "equal");
            int at = negated ? i + 1 : i;
            Operator op = operatorAt(at);
            if (op == null) {
                continue;
            }
            int v = skip(at + op.width(), Set.of("the", "a", "an"));
            String opText = negated ? negate(op.op()) : op.op();
            // "above age 20": the column sits between the operator and the number.
            Subject between = null;
            if (kind(v) == Kind.COLUMN && !used(v) && numberUnit(v + 1) != null) {
                between = new Subject(column(v), Agg.NONE, null, v);
                v = v + 1;
            }
            Operand operand;
            int valueEnd;
            boolean yearLike = false;
            if (numberUnit(v) != null) {
                operand = numberUnit(v);
                valueEnd = v + 1;
                yearLike = numberUnit(v).text().matches("(1[89]|20)\\d\\d");
            } else if (Cues.numberWord(w(v)) != null && (!isWord(v, "one") || m(v + 1) != null)) {
                operand = new Literal(String.valueOf(Cues.numberWord(w(v))), true);
                valueEnd = v + 1;
            } else if (isWord(v, "average", "avg", "mean", "maximum", "minimum", "max", "min")) {
                operand = null;
                valueEnd = v;
            } else {
                continue;
            }
            String post = postOperatorAt(valueEnd);
            int postWidth = post == null ? 0 : post.split(" ").length;
            if (post != null) {
                opText = postOperator(post);
            }
            // The subject: a column named right there, an implied attribute, the thing counted after the
            // number, or the column before the operator.
            Subject s = between;
            if (s == null && op.subjectAt() >= 0) {
                s = subjectAt(op.subjectAt());
            }
            if (s == null && op.attribute() != null) {
                Subject named = subjectBefore(at, op.attribute());
                if (named != null && named.column() != null && attributeMatches(op.attribute(), named.column())) {
                    s = named;
                } else {
                    ColumnEntry c = attributeColumn(op.attribute(), focus);
                    if (c != null) {
                        s = new Subject(c, Agg.NONE, null, -1);
                    }
                }
                if (s != null
                        && (s.column().temporal()
                                || op.attribute().columnWords().get(0).equals("age")
                                        && s.column().words.contains("birth"))) {
                    opText = invert(opText);
                }
            }
            int after = valueEnd + postWidth;
            if (s == null && operand != null) {
                s = subjectAfter(after);
            }
            if (operand == null) {
                // "more than the average": compare with the average over the same rows.
                Subject before = s != null ? s : subjectBefore(at, null);
                int afterAgg = skip(v + 1, Set.of("of", "the", "all"));
                if (kind(afterAgg) == Kind.COLUMN
                        && !used(afterAgg)
                        && column(afterAgg).numeric()
                        && (before == null
                                || before.column() == null
                                || before.unit() < at - 3
                                || before.column().text())) {
                    // "employees above the average salary": the salary is compared
                    before = new Subject(column(afterAgg), Agg.NONE, null, afterAgg);
                }
                if (before == null || before.column() == null) {
                    continue;
                }
                s = before;
                Agg agg = Cues.AGGREGATES.get(w(v));
                int colAt = skip(v + 1, Set.of("of", "the", "all"));
                ColumnEntry target = s.column();
                valueEnd = v + 1;
                if (kind(colAt) == Kind.COLUMN && !used(colAt)) {
                    target = column(colAt);
                    valueEnd = colAt + 1;
                }
                Plan sub = new Plan();
                sub.root = target.table;
                sub.tables.add(target.table);
                sub.select.add(Expr.agg(agg, target));
                use(i, valueEnd);
                if (s.unit() >= 0) {
                    use(s.unit());
                }
                addCondition(s, new Plan.Compare(s.expr(), opText, new Plan.Scalar(sub)));
                continue;
            }
            if (s == null) {
                s = subjectBefore(at, null);
                if (s != null
                        && yearLike
                        && isWord(at, "before", "after", "since", "earlier", "later", "prior")
                        && s.column() != null
                        && !s.column().temporal()
                        && !s.column().words.contains("year")) {
                    s = null;
                }
            }
            if (s == null && Lexicon.VERB_ATTRIBUTES.containsKey(w(at - 1)) && !used(at - 1)) {
                // "weighing more than 3000"
                ColumnEntry c =
                        attributeColumn(new Lexicon.Attribute(Lexicon.VERB_ATTRIBUTES.get(w(at - 1)), true), focus);
                if (c != null) {
                    s = new Subject(c, Agg.NONE, null, at - 1);
                }
            }
            if (s == null && yearLike) {
                s = timeSubject(at);
            }
            if (s == null) {
                continue;
            }
            use(i, valueEnd + postWidth);
            if (s.unit() >= 0) {
                use(s.unit());
            }
            Cond made;
            if (s.column() != null && s.column().temporal() && yearLike) {
                made = new Plan.YearIs(
                        s.column(), opText, Integer.parseInt(numberUnit(v).text()));
            } else {
                made = new Plan.Compare(s.expr(), opText, operand);
            }
            int orAt = isWord(i - 1, "or") ? i - 1 : -1;
            if (orAt >= 0
                    && lastComparison != null
                    && lastComparisonEnd == orAt
                    && where.contains(lastComparison)
                    && s.agg() == Agg.NONE
                    && sameColumn(lastComparison, s.column())) {
                // "hired after 2015 or before 2005"
                use(orAt);
                where.set(where.indexOf(lastComparison), new Plan.AnyOf(List.of(lastComparison, made)));
                lastComparison = null;
                continue;
            }
            lastComparison = made;
            lastComparisonEnd = valueEnd + postWidth;
            condPos.put(made, i);
            if (s.column() != null
                    && s.column().text()
                    && s.agg() == Agg.NONE
                    && !opText.equals("=")
                    && !s.column().temporal()) {
                doubt("compares the text column " + s.column() + " with a number", 0.9);
            }
            addCondition(s, made);
        }
    }

    /** For a year with no column named: "founded before 1950" compares the year or date column in play. */
    /** A month or quarter of a year, the bucket that numbers it within the year, and where the year is. */
    record PeriodInYear(Bucket bucket, int number, int yearAt) {}

    private static final List<String> MONTHS = List.of(
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december");

    private static final List<String> ORDINALS = List.of("first", "second", "third", "fourth");

    /** "March 2024", "Q1 2024", "the first quarter of 2024", "the 2nd quarter of 2024"; null otherwise. */
    PeriodInYear periodInYear(int at) {
        int j = skip(at, Set.of("the"));
        Bucket bucket = null;
        int number = -1;
        int next = j + 1;
        String w = w(j);
        if (MONTHS.contains(w)) {
            bucket = Bucket.MONTH_OF_YEAR;
            number = MONTHS.indexOf(w) + 1;
        } else if (w.matches("q[1-4]")) {
            bucket = Bucket.QUARTER_OF_YEAR;
            number = w.charAt(1) - '0';
        } else if ((ORDINALS.contains(w) || w.matches("[1-4](st|nd|rd|th)")) && isWord(j + 1, "quarter")) {
            bucket = Bucket.QUARTER_OF_YEAR;
            number = ORDINALS.contains(w) ? ORDINALS.indexOf(w) + 1 : w.charAt(0) - '0';
            next = j + 2;
        }
        if (bucket == null) {
            return null;
        }
        next = skip(next, Set.of("of", "in", ","));
        if (!isNumber(next) || used(next) || !tok(next).raw().matches("(1[89]|20)\\d\\d")) {
            return null;
        }
        return new PeriodInYear(bucket, number, next);
    }

    static boolean yearLike(Literal n) {
        return n != null && n.text().matches("(1[5-9]|2\\d)\\d\\d");
    }

    Subject timeSubject(int at) {
        int b = at - 1;
        ColumnEntry named = b >= 0 && !used(b) && isParticiple(w(b)) ? dateColumnForVerb(w(b)) : null;
        ColumnEntry year = yearColumnNear(at);
        ColumnEntry col = named != null ? named : year != null ? year : timeColumn(focus);
        if (col == null) {
            return null;
        }
        if (b >= 0 && !used(b) && isParticiple(w(b))) {
            use(b);
        }
        return new Subject(col, Agg.NONE, null, -1);
    }

    Subject subjectAt(int k) {
        if (kind(k) == Kind.TABLE) {
            return new Subject(null, Agg.COUNT, tableAt(k), k);
        }
        if (kind(k) == Kind.COLUMN) {
            return new Subject(column(k), Agg.NONE, null, k);
        }
        return null;
    }

    /** What follows a number: the table counted ("more than 2 orders") or the column compared ("4 doors"). */
    Subject subjectAfter(int after) {
        int k = skip(after, Cues.DISTINCT);
        if (used(k)) {
            return null;
        }
        if (kind(k) == Kind.TABLE) {
            return new Subject(null, Agg.COUNT, tableAt(k), k);
        }
        if (kind(k) == Kind.COLUMN) {
            ColumnEntry c = column(k);
            if (c.numeric() || !c.text()) {
                return new Subject(c, Agg.NONE, null, k);
            }
            return new Subject(c, Agg.COUNT, c.table, k);
        }
        return null;
    }

    /** The column (perhaps aggregated) or counted table just before a comparison at i. */
    Subject subjectBefore(int i, Lexicon.Attribute attr) {
        int k = i - 1;
        for (int steps = 0; k >= 0 && steps < 6; steps++) {
            if (m(k) != null) {
                break;
            }
            if (!SKIP_BEFORE_SUBJECT.contains(w(k))
                    && !(isPunct(k) && tok(k).raw().equals(","))) {
                break;
            }
            k--;
        }
        if (kind(k) == Kind.COLUMN) {
            ColumnEntry c = column(k);
            int a = skipBack(k - 1, Set.of("the"));
            if (isWord(a, "of") && isWord(a - 1, "number", "count")) {
                return new Subject(c, Agg.COUNT, c.table, k, a - 1, a + 1);
            }
            Agg agg = Cues.AGGREGATES.get(w(a));
            if (agg != null && !used(a)) {
                return new Subject(c, agg, null, k, a, a + 1);
            }
            return new Subject(c, Agg.NONE, null, k);
        }
        if (kind(k) == Kind.TABLE) {
            int a = skipBack(k - 1, Set.of("the", "of"));
            if (isWord(a, "number", "count")) {
                return new Subject(null, Agg.COUNT, tableAt(k), k, a, k);
            }
        }
        return null;
    }

    void addCondition(Subject s, Cond c) {
        if (s.cueFrom() >= 0) {
            use(s.cueFrom(), s.cueTo());
        }
        if (s.agg() != Agg.NONE) {
            if (s.counted() != null) {
                required.add(s.counted());
                countedTable = s.counted();
            }
            having.add(c);
        } else {
            where.add(c);
        }
    }

    void parseTime() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            // Buckets: "by month", "per year", "each quarter", "monthly".
            Bucket b = bucketWordAt(i);
            boolean prep = isWord(i - 1, "by", "per", "each", "every") && !used(i - 1);
            if (b != null && (prep || Cues.BUCKET_ADVERBS.contains(w(i))) && !(isWord(i - 1, "last", "past"))) {
                if (kind(i) == Kind.COLUMN && !m(i).bestOf(Kind.COLUMN).column().temporal()) {
                    continue;
                }
                ColumnEntry col = timeColumn(focus);
                if (col == null) {
                    continue;
                }
                use(prep ? i - 1 : i, i + 1);
                if (isWord(i + 1, "of") && kind(i + 2) == Kind.COLUMN) {
                    use(i + 1, i + 3);
                }
                Expr e = Expr.bucket(col, b);
                groupKeys.add(e);
                select.add(new Item(i, e));
                continue;
            }
            // Relative periods: "last 30 days", "past 6 months", "this year", "last month", "today".
            if (isWord(i, "last", "past", "previous", "recent") || isWord(i, "this", "current")) {
                boolean current = isWord(i, "this", "current");
                int k = i + 1;
                int amount = 1;
                boolean counted = false;
                if (isNumber(k)) {
                    amount = (int) Double.parseDouble(tok(k).raw());
                    counted = true;
                    k++;
                } else if (Cues.numberWord(w(k)) != null) {
                    amount = Cues.numberWord(w(k));
                    counted = true;
                    k++;
                }
                Bucket unit = bucketWordAt(k);
                if (unit == null || isWord(k, "date", "daily", "weekly", "monthly", "yearly")) {
                    continue;
                }
                ColumnEntry col = timeColumn(focus);
                if (col == null || !col.temporal()) {
                    continue;
                }
                int from = isWord(i - 1, "in", "during", "over", "for", "within") ? i - 1 : i;
                if (isWord(from - 1, "the") || isWord(from, "the")) {
                    from = Math.min(from, i - 1);
                }
                if (isWord(i - 1, "the") && isWord(i - 2, "in", "during", "over", "for", "within")) {
                    from = i - 2;
                }
                use(from, k + 1);
                Plan.Period.Kind kind =
                        current ? Plan.Period.Kind.THIS : counted ? Plan.Period.Kind.LAST_N : Plan.Period.Kind.PREVIOUS;
                where.add(new Plan.Period(col, kind, amount, unit));
                continue;
            }
            if (isWord(i, "today") || isWord(i, "yesterday")) {
                ColumnEntry col = timeColumn(focus);
                if (col != null && col.temporal()) {
                    use(isWord(i - 1, "for", "on") ? i - 1 : i, i + 1);
                    where.add(new Plan.Period(
                            col,
                            isWord(i, "today") ? Plan.Period.Kind.THIS : Plan.Period.Kind.PREVIOUS,
                            1,
                            Bucket.DAY));
                }
                continue;
            }
            // "in March 2024", "in Q1 2024", "during the second quarter of 2023": the year and the month or
            // quarter within it.
            PeriodInYear within = isWord(i, "in", "during", "for") ? periodInYear(i + 1) : null;
            if (within != null) {
                PeriodColumn period = periodColumn(i);
                ColumnEntry col = period.column();
                if (col != null && col.temporal()) {
                    if (period.verb()) {
                        use(i - 1);
                    }
                    use(i, within.yearAt() + 1);
                    Cond year = new Plan.YearIs(
                            col, "=", Integer.parseInt(tok(within.yearAt()).raw()));
                    Cond part = new Plan.Compare(
                            Expr.bucket(col, within.bucket()),
                            "=",
                            new Literal(Integer.toString(within.number()), true));
                    condPos.put(year, i);
                    condPos.put(part, i);
                    where.add(year);
                    where.add(part);
                    continue;
                }
            }
            // "in 2024", "during 2019", "for 2024" on a date column.
            if (isWord(i, "in", "during", "for", "of")
                    && isNumber(i + 1)
                    && tok(i + 1).raw().matches("(1[89]|20)\\d\\d")
                    && !used(i + 1)) {
                PeriodColumn period = periodColumn(i);
                ColumnEntry col = period.column();
                if (col != null && col.temporal()) {
                    if (period.verb()) {
                        // "issued in 2010"
                        use(i - 1);
                    }
                    use(i, i + 2);
                    Cond year = new Plan.YearIs(
                            col, "=", Integer.parseInt(tok(i + 1).raw()));
                    condPos.put(year, i);
                    where.add(year);
                }
            }
        }
    }

    // ---- LIKE ---------------------------------------------------------------------------------------------------

    void parseLike() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            String pattern = null;
            int width;
            if (isWord(i, "containing", "contains", "contain", "including", "includes", "include", "with")
                    && (isWord(i + 1, "the") && isWord(i + 2, "substring", "string", "word", "letter", "text")
                            || isWord(i + 1, "substring", "string", "word", "letter", "text"))) {
                width = isWord(i + 1, "the") ? 3 : 2;
                pattern = "%%%s%%";
            } else if (isWord(i, "containing", "contains", "contain")
                    && tok(i + 1) != null
                    && tok(i + 1).kind() == Token.Kind.QUOTED) {
                width = 1;
                pattern = "%%%s%%";
            } else if (isWord(i, "starting", "starts", "start", "beginning", "begins", "begin")
                    && isWord(i + 1, "with")) {
                width = 2;
                pattern = "%s%%";
                if (isWord(i + 2, "the") && isWord(i + 3, "letter", "string", "word", "text", "substring")) {
                    width = 4;
                }
            } else if (isWord(i, "ending", "ends", "end") && isWord(i + 1, "with")) {
                width = 2;
                pattern = "%%%s";
                if (isWord(i + 2, "the") && isWord(i + 3, "letter", "string", "word", "text", "substring")) {
                    width = 4;
                }
            } else {
                continue;
            }
            int v = i + width;
            String text = literalText(v);
            if (text == null) {
                continue;
            }
            Subject s = subjectBefore(i, null);
            ColumnEntry col = s != null ? s.column() : null;
            if (col == null) {
                // "names containing 'a'": the name column of the focus.
                int k = skipBack(i - 1, Set.of("that", "which", "whose", "who", "is", "are", "with", "a", "the"));
                if (kind(k) == Kind.TABLE) {
                    List<ColumnEntry> d = displayColumns(tableAt(k));
                    col = d.isEmpty() ? null : d.get(0);
                }
            }
            if (col == null) {
                continue;
            }
            boolean neg = isWord(i - 1, "not") || isWord(i - 2, "not");
            use(i, v + 1);
            if (s != null && s.unit() >= 0) {
                use(s.unit());
            }
            if (neg) {
                use(isWord(i - 1, "not") ? i - 1 : i - 2);
            }
            where.add(new Plan.Like(Expr.col(col), String.format(pattern, text), neg));
        }
    }

    String literalText(int i) {
        Token t = tok(i);
        if (t != null && (t.kind() == Token.Kind.QUOTED || t.kind() == Token.Kind.NUMBER)) {
            return t.raw();
        }
        if (t != null && t.isWord() && t.raw().length() <= 3) {
            return t.raw();
        }
        Mention mm = m(i);
        if (mm != null) {
            return mm.text;
        }
        if (t != null && t.isWord() && t.capitalized()) {
            return t.raw();
        }
        return null;
    }

    /** "active customers", "products that are discontinued": a yes/no column used as an adjective filters on yes. */
    void parseFlags() {
        for (int i = 0; i < size(); i++) {
            if (used(i) || kind(i) != Kind.COLUMN) {
                continue;
            }
            ColumnEntry c = column(i);
            String yes = trueValue(c);
            if (yes == null) {
                continue;
            }
            int next = i + 1;
            boolean adjective = kind(next) == Kind.TABLE || kind(next) == Kind.COLUMN;
            boolean predicate = isWord(i - 1, "is", "are", "was", "were", "be");
            if (!adjective && !predicate) {
                continue;
            }
            boolean negated = isWord(i - 1, "not", "non") || isWord(i - 2, "not") && predicate;
            use(i);
            if (negated) {
                use(isWord(i - 1, "not", "non") ? i - 1 : i - 2);
            }
            required.add(c.table);
            Operand v = yes.equals("TRUE") ? new Literal("TRUE", true) : new Literal(yes, false);
            where.add(new Plan.Compare(Expr.col(c), negated ? "!=" : "=", v));
        }
    }

    /** The date column of an "in <period>" at {@code i}, and whether a participle before it chose it. */
    private record PeriodColumn(ColumnEntry column, boolean verb) {}

    /**
     * A date column just before ("orders placed_at in 2024"; marked used), else the one a participle names ("issued in
     * 2010"), else the focus table's time column.
     */
    private PeriodColumn periodColumn(int i) {
        if (kind(i - 1) == Kind.COLUMN && m(i - 1).bestOf(Kind.COLUMN).column().temporal()) {
            use(i - 1);
            return new PeriodColumn(column(i - 1), false);
        }
        boolean verb = i > 0 && !used(i - 1) && isParticiple(w(i - 1));
        ColumnEntry byVerb = verb ? dateColumnForVerb(w(i - 1)) : null;
        return new PeriodColumn(byVerb != null ? byVerb : timeColumn(focus), verb);
    }
}
