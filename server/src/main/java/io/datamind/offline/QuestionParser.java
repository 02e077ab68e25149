package io.datamind.offline;

import io.datamind.offline.Mention.Cand;
import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Bucket;
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

/**
 * Reads a linked question into a {@link Plan}. Each pass recognizes one kind of construct (ordering, limits,
 * superlatives, comparisons, aggregates, grouping, time, negation, values, the selected columns), consumes the
 * words it explains and records what it understood. Whatever is left unexplained at the end lowers confidence.
 */
final class QuestionParser {

    /** One position of the question: a plain token or a linked mention. */
    record Unit(int start, int end, Token token, Mention mention) {

        String word() {
            if (token != null) {
                return token.kind() == Token.Kind.PUNCT ? token.raw() : token.isWord() ? token.lower() : "";
            }
            // A one-word mention still reads as its word for cues ("average" that is also a column name).
            return end - start == 1 && mention.text.indexOf(' ') < 0 ? Words.lower(mention.text) : "";
        }
    }

    /** What was read, with the evidence for confidence. */
    record Reading(Plan plan, double confidence, List<String> unexplained, List<String> doubts) {}

    private static final String[][] OPERATORS = {
        {"greater than or equal to", ">="},
        {"more than or equal to", ">="},
        {"larger than or equal to", ">="},
        {"higher than or equal to", ">="},
        {"less than or equal to", "<="},
        {"smaller than or equal to", "<="},
        {"lower than or equal to", "<="},
        {"fewer than or equal to", "<="},
        {"no less than", ">="},
        {"not less than", ">="},
        {"no fewer than", ">="},
        {"at least", ">="},
        {"a minimum of", ">="},
        {"no more than", "<="},
        {"not more than", "<="},
        {"no greater than", "<="},
        {"not greater than", "<="},
        {"at most", "<="},
        {"up to", "<="},
        {"a maximum of", "<="},
        {"more than", ">"},
        {"greater than", ">"},
        {"larger than", ">"},
        {"bigger than", ">"},
        {"higher than", ">"},
        {"longer than", ">"},
        {"later than", ">"},
        {"newer than", ">"},
        {"exceeding", ">"},
        {"exceeds", ">"},
        {"exceed", ">"},
        {"over", ">"},
        {"above", ">"},
        {"beyond", ">"},
        {"after", ">"},
        {"since", ">="},
        {"less than", "<"},
        {"fewer than", "<"},
        {"smaller than", "<"},
        {"lower than", "<"},
        {"shorter than", "<"},
        {"earlier than", "<"},
        {"under", "<"},
        {"below", "<"},
        {"before", "<"},
        {"prior to", "<"},
        {"not equal to", "!="},
        {"other than", "!="},
        {"equal to", "="},
        {"equals", "="},
        {"equal", "="},
        {"exactly", "="},
        {">=", ">="},
        {"<=", "<="},
        {">", ">"},
        {"<", "<"},
        {"=", "="},
        {"!=", "!="},
        {"<>", "!="}
    };

    /** After a number: "5 or more". */
    private static final String[][] POST_OPERATORS = {
        {"or more", ">="}, {"or greater", ">="}, {"or higher", ">="}, {"or above", ">="}, {"or over", ">="},
        {"and above", ">="}, {"and over", ">="}, {"or later", ">="}, {"and later", ">="}, {"plus", ">="},
        {"or less", "<="}, {"or fewer", "<="}, {"or lower", "<="}, {"or below", "<="}, {"or under", "<="},
        {"and below", "<="}, {"and under", "<="}, {"or earlier", "<="}, {"and earlier", "<="}
    };

    private static final Set<String> SKIP_BEFORE_SUBJECT = Words.set(
            "is", "are", "was", "were", "be", "been", "a", "an", "the", "of", "with", "has", "have", "had", "whose",
            "that", "which", "who", "its", "their", "having", "value", "values", "being", "in", "and");

    private static final Set<String> BINDERS = Words.set("of", "for", "in", "from", "by", "on", "at");

    private static final Set<String> DETERMINERS = Words.set(
            "the", "a", "an", "all", "each", "every", "its", "their", "his", "her", "any", "those", "these", "this",
            "that", "some");

    private final List<Token> tokens;
    private final SchemaIndex index;
    private final List<Unit> units = new ArrayList<>();
    private boolean[] used;
    private Kind[] kinds;

    private TableEntry focus;
    private int focusUnit = -1;
    private int headEnd;
    private int selectFrom = -1;
    private int selectTo = -1;
    private boolean mainClause;

    private record Item(int pos, Expr expr) {}

    private record Sup(Kind kind, ColumnEntry column, Agg agg, TableEntry counted, boolean desc, int limit) {}

    private final List<Item> select = new ArrayList<>();
    private final List<Cond> where = new ArrayList<>();
    private final List<Cond> having = new ArrayList<>();
    private final List<Expr> groupKeys = new ArrayList<>();
    private final Set<TableEntry> groupTables = new LinkedHashSet<>();
    private final List<Plan.Order> orders = new ArrayList<>();
    private final Set<TableEntry> required = new LinkedHashSet<>();
    private final Set<Edge> preferredEdges = new HashSet<>();
    private final List<String> doubts = new ArrayList<>();
    private final Map<ColumnEntry, List<String>> bothValues = new LinkedHashMap<>();
    private final Map<ColumnEntry, List<String>> butNotValues = new LinkedHashMap<>();
    private Sup sup;
    private Sup mostCommon;
    private boolean orderFallback;
    private boolean orderFallbackDesc;
    private Integer limit;
    private boolean distinct;
    private boolean star;
    private boolean countAll;
    private TableEntry countTable;
    private ColumnEntry countValueColumn;
    private double penalty = 1.0;

    QuestionParser(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
        this.tokens = tokens;
        this.index = index;
        int m = 0;
        for (int i = 0; i < tokens.size(); ) {
            if (m < mentions.size() && mentions.get(m).start == i) {
                Mention mention = mentions.get(m++);
                units.add(new Unit(mention.start, mention.end, null, mention));
                i = mention.end;
            } else {
                units.add(new Unit(i, i + 1, tokens.get(i), null));
                i++;
            }
        }
        used = new boolean[units.size()];
        kinds = new Kind[units.size()];
        preferEdgesNamedInQuestion();
    }

    /** Of two keys between the same tables, the one whose column the question names ("destination airport"). */
    private void preferEdgesNamedInQuestion() {
        Set<String> stems = new HashSet<>();
        Set<String> roots = new HashSet<>();
        for (Token t : tokens) {
            if (t.isWord() && !t.isStop()) {
                stems.add(t.stem());
                roots.add(t.root());
            }
        }
        for (Edge e : index.edges) {
            Set<String> tableWords = new HashSet<>(SchemaIndex.stems(e.from().words));
            tableWords.addAll(SchemaIndex.stems(e.to().words));
            boolean parallel = false;
            for (Edge other : e.from().edges) {
                if (other != e && other.other(e.from()) == e.to()) {
                    parallel = true;
                }
            }
            if (!parallel) {
                continue;
            }
            for (ColumnEntry c : e.fromColumns()) {
                for (String w : c.words) {
                    if (Set.of("id", "code", "key", "no", "num").contains(w) || w.length() < 3) {
                        continue;
                    }
                    if (stems.contains(Words.singular(w)) && !tableWords.contains(Words.singular(w))) {
                        preferredEdges.add(e);
                    }
                }
            }
        }
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

    // ---- unit helpers -------------------------------------------------------------------------------------

    private int size() {
        return units.size();
    }

    private String w(int i) {
        return i >= 0 && i < size() ? units.get(i).word() : "";
    }

    private boolean isWord(int i, String... options) {
        String w = w(i);
        for (String o : options) {
            if (w.equals(o)) {
                return true;
            }
        }
        return false;
    }

    private Mention m(int i) {
        return i >= 0 && i < size() ? units.get(i).mention() : null;
    }

    private Token tok(int i) {
        return i >= 0 && i < size() ? units.get(i).token() : null;
    }

    private Kind kind(int i) {
        return i >= 0 && i < size() ? kinds[i] : null;
    }

    private boolean isNumber(int i) {
        Token t = tok(i);
        return t != null && t.kind() == Token.Kind.NUMBER;
    }

    private boolean isPunct(int i) {
        Token t = tok(i);
        return t != null && t.kind() == Token.Kind.PUNCT;
    }

    /** Length in units of a phrase of words starting at i, or 0. */
    private int phrase(int i, String phrase) {
        String[] parts = phrase.split(" ");
        for (int k = 0; k < parts.length; k++) {
            if (!w(i + k).equals(parts[k]) || used(i + k)) {
                return 0;
            }
        }
        return parts.length;
    }

    private boolean used(int i) {
        return i >= 0 && i < size() && used[i];
    }

    private void use(int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, size()); k++) {
            used[k] = true;
        }
    }

    private void use(int i) {
        use(i, i + 1);
    }

    private int skip(int i, Set<String> words) {
        while (i < size() && words.contains(w(i))) {
            i++;
        }
        return i;
    }

    private int skipBack(int i, Set<String> words) {
        while (i >= 0 && words.contains(w(i))) {
            i--;
        }
        return i;
    }

    private void doubt(String why, double factor) {
        if (!doubts.contains(why)) {
            doubts.add(why);
            penalty *= factor;
        }
    }

    private boolean isHead(int i) {
        return i < headEnd || selectFrom > 0 && i >= selectFrom && i < selectTo;
    }

    // ---- kinds and focus ---------------------------------------------------------------------------------

    private void resolveKinds() {
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

    private Kind chooseTableOrColumn(int i, Cand table, Cand column) {
        if (column.composite()) {
            return Kind.COLUMN;
        }
        if (isCountCueBefore(i) && table.quality() >= column.quality() - 0.15) {
            return Kind.TABLE;
        }
        if (isWord(i + 1, "of", "for")
                && tableCandAt(skip(i + 2, DETERMINERS)) != null
                && tableCandAt(skip(i + 2, DETERMINERS)) != table.table()) {
            // "the size of their dog", "the model for the car": an attribute of the table named after it
            return Kind.COLUMN;
        }
        if (column.quality() <= table.quality() + 0.05
                && references(column.table(), table.table())
                && column.column().isForeignKey()) {
            // "airline" as flights.Airline is only the key of the airlines table.
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
        // "names of orchestras", "years of founding for orchestras": the noun after "of" is the entity.
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
        // Equal readings: "makers and models", "car model" read as columns next to other columns or tables.
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
    private TableEntry tableCandAt(int i) {
        Mention mention = m(i);
        if (mention == null) {
            return null;
        }
        Cand c = mention.bestOf(Kind.TABLE);
        return c == null ? null : c.table();
    }

    private boolean isCountCueBefore(int i) {
        int k = skipBack(i - 1, Cues.DISTINCT);
        k = skipBack(k, Set.of("the", "all", "of"));
        boolean totalOfColumn = isWord(k, "total") && m(i + 1) != null && m(i + 1).has(Kind.COLUMN);
        return isWord(k, "many") && isWord(k - 1, "how")
                || isWord(k, "number", "count")
                || isWord(k, "total") && !totalOfColumn
                || isWord(i - 1, "of") && isWord(i - 2, "number", "count");
    }

    /** "top 3 genres by number of tracks": the count ranks, it is not what is asked. */
    private boolean inOrderingPhrase(int i) {
        for (int k = i - 1; k >= 0 && k >= i - 5; k--) {
            if (isWord(k, "by") || Cues.ORDER_VERBS.contains(w(k))) {
                return true;
            }
        }
        return false;
    }

    private boolean isPossessiveTableBefore(int i) {
        return isWord(i - 1, "'s") && tableAt(i - 2) != null;
    }

    private TableEntry tableAt(int i) {
        if (kind(i) != Kind.TABLE) {
            return null;
        }
        return m(i).bestOf(Kind.TABLE).table();
    }

    /** A trailing imperative sentence ("List his role and city.") names what to return. */
    private void splitSentences() {
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

    private void chooseFocus() {
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
                    focus = m(i).bestOf(Kind.VALUE).table();
                    return;
                }
            }
            return;
        }
        double top =
                votes.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        if (votes.values().stream().filter(v -> v >= top - 0.1).count() > 1) {
            // Close: let the rest of the question decide ("the average age for each type of pet").
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

    private void setFocus(int i) {
        focus = tableAt(i);
        focusUnit = i;
    }

    private int firstBoundary(int from, int end) {
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
                // "How many departments offer any degree": a verb after the subject starts the rows part
                return i;
            }
        }
        return end;
    }

    private void findHeadEnd() {
        if (mainClause) {
            headEnd = 0;
            selectTo = firstBoundary(selectFrom, size());
            return;
        }
        headEnd = firstBoundary(0, selectFrom > 0 ? selectFrom : size());
    }

    /** "For the cars with 4 cylinders, which model ...": the question proper starts after the comma. */
    private int frontedClauseEnd() {
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

    private boolean inSelectPart(int i) {
        if (selectFrom > 0) {
            return i >= selectFrom && i < selectTo;
        }
        return i < headEnd;
    }

    // ---- column resolution ---------------------------------------------------------------------------------

    /** The table a mention at i is tied to by its words: "name of the singer", "singer's name", "singer name". */
    private TableEntry boundTable(int i) {
        int k = i + 1;
        // "the role, street and city of the professionals": past the other coordinated columns.
        while (k < size()
                && (isWord(k, "and", "the", "its", "their")
                        || isPunct(k) && tok(k).raw().equals(",")
                        || kind(k) == Kind.COLUMN
                        || isWord(k, "name", "names", "id", "ids"))) {
            if (kind(k) == Kind.COLUMN && m(k).of(Kind.COLUMN).stream().anyMatch(Cand::composite)) {
                // "role, street and state of the professionals" linked "state of the professionals" as one.
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
            // "the names and themes for every concert", "For each continent, list its id, name ..."
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
    private ColumnEntry column(int i) {
        ColumnEntry composite = compositeWithFollowing(i);
        if (composite != null) {
            return composite;
        }
        Cand best = bestColumnCand(i, false);
        return best == null ? null : best.column();
    }

    /** "the name and the release year of the song": song + name is the column Song_Name. */
    private ColumnEntry compositeWithFollowing(int i) {
        Mention mention = m(i);
        if (mention == null) {
            return null;
        }
        int k = i + 1;
        List<String> xStems = new ArrayList<>();
        while (k < size()
                && (isWord(k, "and", "the") || isPunct(k) && tok(k).raw().equals(",") || kind(k) == Kind.COLUMN)) {
            if (kind(k) == Kind.COLUMN) {
                // "the name and the release year of the song": the song is named inside the next mention
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

    private Cand bestColumnCand(int i, boolean quiet) {
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
            // "a cat that is age 3": the cat's age
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
                // "descriptions for templates" in the table the templates refer to
                s += 0.55;
            }
            if (c.table() == sibling) {
                s += 0.3;
            }
            if (siblingTail != null
                    && c.quality() < 0.9
                    && c.column().words.get(c.column().words.size() - 1).equals(siblingTail)) {
                // "the winner name and loser": the loser's name
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
                    // "the winner who has the highest rank points": winner_rank_points
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

    private Set<TableEntry> namedTables() {
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

    /** A key that is not unique in its table: each referenced row may have many referencing rows. */
    private static boolean multiplies(Edge e) {
        return !(e.from().primaryKey.size() == e.fromColumns().size()
                && e.from().primaryKey.containsAll(e.fromColumns()));
    }

    private static boolean references(TableEntry from, TableEntry to) {
        for (Edge e : from.edges) {
            if (e.from() == from && e.to() == to) {
                return true;
            }
        }
        return false;
    }

    private static boolean adjacent(TableEntry a, TableEntry b) {
        for (Edge e : a.edges) {
            if (e.other(a) == b) {
                return true;
            }
        }
        return false;
    }

    /** The best value reading of a mention, preferring tables in play and a column named next to it. */
    private Cand value(int i) {
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
        if (tb < i - 1 && kind(tb) == Kind.TABLE) {
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
        return best;
    }

    // ---- ordering and limits -------------------------------------------------------------------------------

    private void parseOrdering() {
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
            if (!verb && !inOrder && !bareDirection) {
                continue;
            }
            int end = orderPhrase(i);
            if (end < 0) {
                continue;
            }
        }
    }

    /** Reads an ordering phrase starting at i; returns its end or -1 when it is not one. */
    private final Map<Integer, Integer> orderMentions = new LinkedHashMap<>();

    private boolean orderByCount;
    private Plan.Order countOrder;

    private int orderPhrase(int i) {
        orderByCount = false;
        Boolean desc = null;
        List<ColumnEntry> cols = new ArrayList<>();
        int j = i;
        int last = i;
        if ((i == 0 || isWord(i - 1, "please")) && Cues.ORDER_VERBS.contains(w(i))) {
            // "Sort employee names by age": what follows the verb is what to show; the order comes after "by".
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

    /** "from the oldest to the youngest": direction, implied column, end unit. */
    private Object[] fromToDirection(int j) {
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

    private static String comparativeToSuperlative(String w) {
        if (w.endsWith("est")) {
            return w;
        }
        return w + "est";
    }

    private void parseTopN() {
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

    private TableEntry tableAfter(int i) {
        int k = skip(i, DETERMINERS);
        TableEntry t = tableAt(k);
        return t != null ? t : focus;
    }

    private boolean attributeDescending(Lexicon.Attribute attr, ColumnEntry c) {
        boolean desc = attr.higherFirst();
        // Age read from a birth date runs the other way: the oldest has the earliest date.
        if (attr.columnWords().get(0).equals("age")
                && (c.temporal() || c.words.contains("birth") || c.words.contains("dob"))) {
            desc = !desc;
        }
        return desc;
    }

    /** The column an adjective refers to ("older" → age), in the table given or any table in play. */
    private ColumnEntry attributeColumn(Lexicon.Attribute attr, TableEntry preferred) {
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

    // ---- superlatives ------------------------------------------------------------------------------------

    private void parseMostCommon() {
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
            if (col < 0) {
                continue;
            }
            ColumnEntry ce = column(col);
            use(i, end);
            use(col);
            isWord(i - 1, "the");
            mostCommon = new Sup(Kind.COLUMN, ce, Agg.COUNT, null, desc, 1);
            select.add(new Item(col, Expr.col(ce)));
        }
    }

    private void parseSuperlatives() {
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
                // "more staff than the minimum": a comparison with an aggregate, read by the comparison pass
                continue;
            }
            int probe = skip(i + 1, Set.of("the"));
            if (isWord(probe, "amount", "number") && isWord(probe + 1, "of")) {
                probe = skip(probe + 2, Set.of("the"));
            }
            boolean countedAfter = isWord(skip(i + 1, Set.of("the")), "number", "amount", "count")
                    && isWord(skip(i + 1, Set.of("the")) + 1, "of");
            if (attr != null && (high || low) && (kind(probe) == Kind.COLUMN || countedAfter)) {
                // "largest net worth": a plain superlative of the named column, not the adjective's attribute.
                attr = null;
                width = 1;
            }
            int k = skip(i + width, Set.of("the"));
            if (attr == null) {
                // "the most dogs", "the highest number of dogs", "the largest total sales", "the highest age"
                Agg agg = null;
                int aggAt = -1;
                if (isWord(k, "amount") && isWord(k + 1, "of") && !pluralAt(skip(k + 2, Set.of("the")))) {
                    // "the smallest amount of horsepower" is the value itself
                    aggAt = k;
                    k = skip(k + 2, Set.of("the"));
                } else if (isWord(k, "amount") && isWord(k + 1, "of")) {
                    // "the greatest amount of languages" counts them
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
                    sup = new Sup(Kind.TABLE, null, Agg.COUNT, counted, high, 1);
                    continue;
                }
                if (kind(k) == Kind.COLUMN) {
                    ColumnEntry c = column(k);
                    if (agg == Agg.COUNT && c.numeric() && !c.isIdentifier() && !c.isForeignKey()) {
                        // "the highest number of final tables made", "the smallest amount of horsepower"
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
                        // "speaks the most languages": count them
                        agg = Agg.COUNT;
                    }
                    if (agg == Agg.COUNT && !c.numeric()) {
                        required.add(c.table);
                        sup = new Sup(Kind.TABLE, null, Agg.COUNT, c.table, high, 1);
                    } else {
                        sup = new Sup(Kind.COLUMN, c, agg == null ? Agg.NONE : agg, null, high, 1);
                        if (isHead(i) && !precededByRelation(i)) {
                            // "the maximum horsepower and the make of ...": show the ranked value too.
                            select.add(new Item(k, new Expr(agg == null ? Agg.NONE : agg, c, false, null)));
                        }
                    }
                    continue;
                }
                if (isWord(i, "most", "least") && agg == null && !isWord(i + 1, "of")) {
                    // "the most" with nothing countable after it: the rows of the question's subject.
                    int after = i + 1;
                    if (isWord(after, "times", "often", "frequently", "number") || isPunct(after) || after >= size()) {
                        // "the museum visited most times": what is counted is named by the verb.
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
                        sup = new Sup(Kind.TABLE, null, Agg.COUNT, counted, high, 1);
                    }
                }
                continue;
            }
            // Adjective superlatives: "the youngest singer", "the oldest".
            TableEntry t = tableAfter(k);
            ColumnEntry c = attributeColumn(attr, t);
            if (c == null) {
                continue;
            }
            use(i, i + width);
            if (tableAt(k) != null) {
                required.add(tableAt(k));
            }
            sup = new Sup(Kind.COLUMN, c, Agg.NONE, null, attributeDescending(attr, c), 1);
        }
    }

    private TableEntry tableForVerb(String w) {
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

    private boolean pluralAt(int k) {
        Mention mm = m(k);
        if (mm == null) {
            return false;
        }
        Token last = tokens.get(mm.end - 1);
        return !last.stem().equals(last.lower());
    }

    /** "the year that had the most concerts": the head shows a column of the counted table. */
    private boolean headSelectsColumnOf(TableEntry t) {
        for (int i = 0; i < size(); i++) {
            if (isHead(i)
                    && kind(i) == Kind.COLUMN
                    && m(i).of(Kind.COLUMN).stream().anyMatch(c -> c.table() == t)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasGroupingCue() {
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

    private boolean precededByRelation(int i) {
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

    private boolean headHasOtherTarget(int supAt, int colAt) {
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

    // ---- comparisons -----------------------------------------------------------------------------------------

    private record Operator(String op, int width, Lexicon.Attribute attribute, int subjectAt) {}

    /** An operator phrase starting at i: "more than", "at least", "older than", "greater age than", "&gt;=". */
    private Operator operatorAt(int i) {
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
        // "a greater surface area than 3000", "fewer students than 5"
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

    private String postOperatorAt(int i) {
        for (String[] po : POST_OPERATORS) {
            if (phrase(i, po[0]) > 0) {
                return po[0];
            }
        }
        return null;
    }

    private static String postOperator(String phrase) {
        for (String[] po : POST_OPERATORS) {
            if (po[0].equals(phrase)) {
                return po[1];
            }
        }
        return null;
    }

    private void parseComparisons() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            if (isWord(i, "between") && numberAt(i + 1) != null && isWord(i + 2, "and") && numberAt(i + 3) != null) {
                // numbers in digits, words, or matching sampled values
                Subject s = subjectAfter(i + 4);
                if (s == null || s.agg == Agg.NONE) {
                    s = subjectBefore(i, null);
                }
                if (s == null && kind(i - 1) == null) {
                    s = timeSubject(i);
                }
                if (s != null && s.column != null) {
                    use(i, i + 4);
                    if (s.unit >= 0) {
                        use(s.unit);
                    }
                    addCondition(s, new Plan.Between(s.expr(), numberAt(i + 1), numberAt(i + 3)));
                }
                continue;
            }
            // "2 or more likes": a number with its operator after it.
            if (numberUnit(i) != null && !used(i) && postOperatorAt(i + 1) != null) {
                String phrase = postOperatorAt(i + 1);
                int width = phrase.split(" ").length;
                Subject s = subjectAfter(i + 1 + width);
                if (s == null) {
                    s = subjectBefore(i, null);
                }
                if (s != null) {
                    use(i, i + 1 + width);
                    if (s.unit >= 0) {
                        use(s.unit);
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
                if (named != null && named.column != null && attributeMatches(op.attribute(), named.column)) {
                    s = named;
                } else {
                    ColumnEntry c = attributeColumn(op.attribute(), focus);
                    if (c != null) {
                        s = new Subject(c, Agg.NONE, null, -1);
                    }
                }
                if (s != null
                        && (s.column.temporal()
                                || op.attribute().columnWords().get(0).equals("age")
                                        && s.column.words.contains("birth"))) {
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
                        && (before == null || before.column == null || before.unit < at - 3 || before.column.text())) {
                    // "singers above the average age": the age is compared
                    before = new Subject(column(afterAgg), Agg.NONE, null, afterAgg);
                }
                if (before == null || before.column == null) {
                    continue;
                }
                s = before;
                Agg agg = Cues.AGGREGATES.get(w(v));
                int colAt = skip(v + 1, Set.of("of", "the", "all"));
                ColumnEntry target = s.column;
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
                if (s.unit >= 0) {
                    use(s.unit);
                }
                addCondition(s, new Plan.Compare(s.expr(), opText, new Plan.Scalar(sub)));
                continue;
            }
            if (s == null) {
                s = subjectBefore(at, null);
                if (s != null
                        && yearLike
                        && isWord(at, "before", "after", "since", "earlier", "later", "prior")
                        && s.column != null
                        && !s.column.temporal()
                        && !s.column.words.contains("year")) {
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
            if (s.unit >= 0) {
                use(s.unit);
            }
            Cond made;
            if (s.column != null && s.column.temporal() && yearLike) {
                made = new Plan.YearIs(
                        s.column, opText, Integer.parseInt(numberUnit(v).text()));
            } else {
                made = new Plan.Compare(s.expr(), opText, operand);
            }
            int orAt = isWord(i - 1, "or") ? i - 1 : -1;
            if (orAt >= 0
                    && lastComparison != null
                    && lastComparisonEnd == orAt
                    && where.contains(lastComparison)
                    && s.agg == Agg.NONE
                    && sameColumn(lastComparison, s.column)) {
                // "opened after 2013 or before 2008"
                use(orAt);
                where.set(where.indexOf(lastComparison), new Plan.AnyOf(List.of(lastComparison, made)));
                lastComparison = null;
                continue;
            }
            lastComparison = made;
            lastComparisonEnd = valueEnd + postWidth;
            condPos.put(made, i);
            if (s.column != null
                    && s.column.text()
                    && s.agg == Agg.NONE
                    && !opText.equals("=")
                    && !s.column.temporal()) {
                doubt("compares the text column " + s.column + " with a number", 0.9);
            }
            addCondition(s, made);
        }
    }

    private final Map<Cond, Integer> condPos = new java.util.IdentityHashMap<>();
    private Cond lastComparison;
    private int lastComparisonEnd = -1;

    private static boolean sameColumn(Cond c, ColumnEntry column) {
        if (c instanceof Plan.Compare cmp) {
            return cmp.left().column() == column;
        }
        if (c instanceof Plan.YearIs y) {
            return y.column() == column;
        }
        return false;
    }

    private boolean attributeMatches(Lexicon.Attribute attr, ColumnEntry c) {
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

    /** For a year with no column named: "founded before 1950" compares the year or date column in play. */
    private Subject timeSubject(int at) {
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

    /** "hired after 2003": the date column named by the verb (HireDate), in the tables in play. */
    private ColumnEntry dateColumnForVerb(String verb) {
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

    private static boolean isParticiple(String w) {
        return w.length() > 3 && w.endsWith("ed") && !Words.STOPWORDS.contains(w)
                || Set.of(
                                "born",
                                "made",
                                "built",
                                "held",
                                "won",
                                "begun",
                                "written",
                                "sold",
                                "bought",
                                "run",
                                "founded",
                                "established",
                                "opened",
                                "released",
                                "published",
                                "produced",
                                "created")
                        .contains(w);
    }

    private Subject subjectAt(int k) {
        if (kind(k) == Kind.TABLE) {
            return new Subject(null, Agg.COUNT, tableAt(k), k);
        }
        if (kind(k) == Kind.COLUMN) {
            return new Subject(column(k), Agg.NONE, null, k);
        }
        return null;
    }

    /** What follows a number: the table counted ("more than 2 pets") or the column compared ("4 cylinders"). */
    private Subject subjectAfter(int after) {
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

    private static String negate(String op) {
        return switch (op) {
            case ">" -> "<=";
            case ">=" -> "<";
            case "<" -> ">=";
            case "<=" -> ">";
            case "=" -> "!=";
            default -> "=";
        };
    }

    private static String invert(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    /** A number token, or a number that matched a sampled text value. */
    private Literal numberUnit(int i) {
        if (isNumber(i)) {
            return number(i);
        }
        if (kind(i) == Kind.VALUE
                && m(i).end - m(i).start == 1
                && tokens.get(m(i).start).kind() == Token.Kind.NUMBER) {
            return new Literal(tokens.get(m(i).start).raw(), true);
        }
        return null;
    }

    /** A number written in digits or as a small number word. */
    private Literal numberAt(int i) {
        if (numberUnit(i) != null) {
            return numberUnit(i);
        }
        Integer n = Cues.numberWord(w(i));
        return n == null || m(i) != null ? null : new Literal(String.valueOf(n), true);
    }

    private Literal number(int i) {
        String raw = tok(i).raw();
        return new Literal(raw, true);
    }

    /** What a comparison is about. */
    private record Subject(ColumnEntry column, Agg agg, TableEntry counted, int unit, int cueFrom, int cueTo) {

        Subject(ColumnEntry column, Agg agg, TableEntry counted, int unit) {
            this(column, agg, counted, unit, -1, -1);
        }

        Expr expr() {
            if (agg == Agg.COUNT && column == null) {
                return Expr.countAll();
            }
            if (agg == Agg.COUNT) {
                return Expr.countAll();
            }
            return new Expr(agg, column, false, null);
        }
    }

    /** The column (perhaps aggregated) or counted table just before a comparison at i. */
    private Subject subjectBefore(int i, Lexicon.Attribute attr) {
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

    private void addCondition(Subject s, Cond c) {
        if (s.cueFrom >= 0) {
            use(s.cueFrom, s.cueTo);
        }
        if (s.agg != Agg.NONE) {
            if (s.counted != null) {
                required.add(s.counted);
                countedTable = s.counted;
            }
            having.add(c);
        } else {
            where.add(c);
        }
    }

    // ---- aggregates ------------------------------------------------------------------------------------------

    private void parseAggregates() {
        for (int i = 0; i < size(); i++) {
            if (used(i)) {
                continue;
            }
            int k = -1;
            int cueEnd = -1;
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
            // "average, minimum and maximum age": several aggregates of one column.
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
                    // "the maximum number of final tables made": the column holds the count
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

    /** The column is also named after "each", "per" or "by": it is a group, not another aggregate. */
    private boolean groupedLater(int at, ColumnEntry c) {
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

    /** A numeric column named "total" or "amount": what "the total of invoices" adds up. */
    private static ColumnEntry moneyColumn(TableEntry t) {
        if (t == null) {
            return null;
        }
        for (ColumnEntry col : t.columns) {
            if (col.numeric() && (col.words.equals(List.of("total")) || col.words.equals(List.of("amount")))) {
                return col;
            }
        }
        return null;
    }

    private void countCue(int cueAt, int k, boolean dist) {
        if (kind(k) == Kind.TABLE
                && kind(k + 1) == Kind.COLUMN
                && !used(k + 1)
                && m(k + 1).of(Kind.COLUMN).stream().anyMatch(c -> c.table() == tableAt(k))
                && !tokens.get(m(k + 1).start).lower().endsWith("ed")
                && !tokens.get(m(k + 1).end - 1).is("by")
                && !isWord(k + 2, "by")) {
            // "how many different store locations": the shop's locations.
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
                // "the number of final tables made": a column that holds a count.
                select.add(new Item(cueAt, Expr.col(c)));
                countValueColumn = c;
                return;
            }
            if (dist || c.text() && !c.isIdentifier() && m(k).best() >= 0.9) {
                select.add(new Item(cueAt, Expr.countDistinct(c)));
            } else if (c.numeric() && isWord(cueAt, "how")) {
                // "how many cylinders does it have": the column holds the count.
                select.add(new Item(cueAt, Expr.col(c)));
                doubt("'how many " + m(k).text + "' read as the value of " + c, 0.9);
            } else {
                select.add(new Item(cueAt, Expr.countAll()));
                required.add(c.table);
            }
            return;
        }
        if (kind(k) == Kind.VALUE) {
            // "how many dogs" where dog is a value: count the rows with that value.
            use(cueAt, k);
            countAll = true;
            select.add(new Item(cueAt, Expr.countAll()));
            return;
        }
        use(cueAt, k);
        countAll = true;
        select.add(new Item(cueAt, Expr.countAll()));
    }

    private void howMuch(int i) {
        int k = skip(i + 2, Set.of("the"));
        boolean together = false;
        for (int j = 0; j < size(); j++) {
            together |= Cues.TOGETHER.contains(w(j)) || isWord(j, "in") && isWord(j + 1, "total");
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

    // ---- grouping ---------------------------------------------------------------------------------------------

    private boolean anyAggregate() {
        return select.stream().anyMatch(it -> it.expr.aggregated()) || sup != null && sup.kind == Kind.TABLE;
    }

    private void parseGrouping() {
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
                    // "for each continent" where countries.Continent is the continent's key
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

    private boolean passiveBefore(int i) {
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

    // ---- time ---------------------------------------------------------------------------------------------------

    private Bucket bucketWordAt(int i) {
        return Cues.BUCKET_WORDS.get(w(i));
    }

    /** The date column of a table the question works with: one named in the question, or the only one. */
    private ColumnEntry timeColumn(TableEntry preferred) {
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
                doubt("several date columns in " + t.name + "; used " + dates.get(0).name, 0.9);
                return dates.get(0);
            }
        }
        return null;
    }

    private void parseTime() {
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
            // "in 2024", "during 2019", "for 2024" on a date column.
            if (isWord(i, "in", "during", "for", "of")
                    && isNumber(i + 1)
                    && tok(i + 1).raw().matches("(1[89]|20)\\d\\d")
                    && !used(i + 1)) {
                ColumnEntry col = null;
                if (kind(i - 1) == Kind.COLUMN
                        && m(i - 1).bestOf(Kind.COLUMN).column().temporal()) {
                    col = column(i - 1);
                    use(i - 1);
                }
                boolean verb = i > 0 && !used(i - 1) && isParticiple(w(i - 1));
                if (col == null && verb) {
                    col = dateColumnForVerb(w(i - 1));
                }
                if (col == null) {
                    col = timeColumn(focus);
                }
                if (col != null && col.temporal()) {
                    if (verb) {
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

    private void parseLike() {
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
            ColumnEntry col = s != null ? s.column : null;
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
            if (s != null && s.unit >= 0) {
                use(s.unit);
            }
            if (neg) {
                use(isWord(i - 1, "not") ? i - 1 : i - 2);
            }
            where.add(new Plan.Like(Expr.col(col), String.format(pattern, text), neg));
        }
    }

    private String literalText(int i) {
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

    // ---- negation, values ---------------------------------------------------------------------------------------

    private void parseNegations() {
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
                    // "do not hire any employee": the last table named is the one related through the others
                    if (targetAt >= 0) {
                        use(targetAt);
                    }
                    targetAt = k;
                } else if (targetAt >= 0
                        && kind(k) == Kind.COLUMN
                        && numberUnit(k + 1) != null
                        && !used(k + 1)
                        && column(k).table != focus) {
                    // "not having a concert in year 2014": the year belongs inside
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
            // "visit any museum opened after 2010": conditions after the negation on the negated side go inside
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

    /**
     * A subquery listing the keys of focus rows related to the target table (with the given value filters): the
     * first foreign-key step from the focus on the shortest path to the target.
     */
    private final List<Integer> innerNumbers = new ArrayList<>();

    private record Membership(ColumnEntry outer, Plan subquery) {}

    private Membership membership(TableEntry target, List<Integer> valueUnits) {
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

    private void parseValues() {
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
     * Two required values of one column of the focus ("from Hawaii or Wisconsin", "cats and dogs") can only both
     * hold one at a time: they are alternatives.
     */
    private void mergeAlternatives() {
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
                // "cartoons directed by Ben Jones and cartoons directed by Michael Chang": both
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

    private void markSeparatorsBetween(List<Plan.Compare> conds) {
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

    private boolean andBetweenValues(List<Plan.Compare> conds) {
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

    private Cand valueInColumn(int k, ColumnEntry col) {
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

    private boolean negatedBefore(int i) {
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

    private static final Set<String> TRUE_VALUES = Words.set("t", "y", "yes", "true", "1");
    private static final Set<String> FALSE_VALUES = Words.set("f", "n", "no", "false", "0");

    /** The value meaning "yes" of a two-valued flag column (T/F, Y/N, yes/no, 1/0), or null. */
    private static String trueValue(ColumnEntry c) {
        if (c.category.equals("boolean")) {
            return "TRUE";
        }
        if (c.samples.isEmpty() || c.samples.size() > 2) {
            return null;
        }
        String yes = null;
        for (String v : c.samples) {
            String l = Words.lower(v.strip());
            if (TRUE_VALUES.contains(l)) {
                yes = v;
            } else if (!FALSE_VALUES.contains(l)) {
                return null;
            }
        }
        return yes;
    }

    /** "official languages", "active customers": a yes/no column used as an adjective filters on yes. */
    private void parseFlags() {
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

    /** A column mentioned right next to its value ("country France", "France as country") is explained by it. */
    private void markColumnNear(int valueAt, ColumnEntry col) {
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
                    // "the series Sky Radio": the word names the value's column, not another table.
                    use(k);
                    return;
                }
            }
            if (kind(k) == Kind.TABLE && !used(k) && tableAt(k) == col.table && k == valueAt + 1) {
                // "Aberdeen city" style: the table word after a value of its own column.
                use(k);
                return;
            }
        }
    }

    /** Quoted strings and capitalized names not in the samples: bound to the column named next to them. */
    private void parseUnknownValues() {
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
                // "the Alton airport": the name of that airport.
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
                // "Which continent is Anguilla in?": Anguilla names a row of the focus.
                List<ColumnEntry> d = displayColumns(column(before).table);
                if (!d.isEmpty()) {
                    col = d.get(0);
                    colAt = -1;
                }
            }
            if (col != null && text.matches("[A-Z0-9]{2,5}")) {
                // "airport 'AKO'": a code, not a name
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

    /** Of a mention's columns, the one holding names or titles, for a proper-noun value. */
    private ColumnEntry nameLike(int k) {
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

    private String joinRaw(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                sb.append(' ');
            }
            sb.append(tok(k).raw());
        }
        return sb.toString();
    }

    /** "with 4 cylinders", "a population of 80000", "grade 9": a number equal to a column. */
    private void parseNumberEqualities() {
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
                // "grades 9 or 10"
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
                    // "concerts in both 2014 and 2015": rows for each value, intersected
                    bothValues.put(
                            c, values.stream().map(o -> ((Literal) o).text()).toList());
                } else {
                    where.add(new Plan.InList(Expr.col(c), false, values));
                }
                continue;
            }
            // "in 2014" on a text or integer year column.
            if (isWord(i - 1, "both") && isWord(i - 2, "in", "of", "during", "for", "from")) {
                use(i - 1);
            }
            int prep = isWord(i - 1, "both") ? i - 2 : i - 1;
            if (isWord(prep, "in", "of", "during", "for", "from") && n.text().matches("(1[89]|20)\\d\\d")) {
                ColumnEntry year = yearColumnNear(i);
                if (year != null) {
                    use(prep, i + 1);
                    where.add(new Plan.Compare(Expr.col(year), "=", year.text() ? new Literal(n.text(), false) : n));
                    // "in 2014 or 2015", "in both 2014 and 2015"
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
        // Numbers that matched a sampled text value ("2014" as a release year).
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

    /** The year column of the table named closest before position i ("a concert in 2014"), else any. */
    private ColumnEntry yearColumnNear(int i) {
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

    private ColumnEntry yearColumn() {
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

    // ---- selection and existence ------------------------------------------------------------------------------

    /** The columns that name a row of a table for people: its name or title, else nothing. */
    static List<ColumnEntry> displayColumns(TableEntry t) {
        List<String> tableWords = SchemaIndex.stems(t.words);
        ColumnEntry exact = null;
        ColumnEntry prefixed = null;
        ColumnEntry title = null;
        ColumnEntry fullName = null;
        List<ColumnEntry> names = new ArrayList<>();
        for (ColumnEntry c : t.columns) {
            List<String> w = SchemaIndex.stems(c.words);
            if (w.equals(List.of("name"))) {
                exact = c;
            } else if (w.size() >= 2 && w.get(w.size() - 1).equals("name")) {
                List<String> rest = w.subList(0, w.size() - 1);
                if (tableWords.containsAll(rest)) {
                    prefixed = prefixed == null ? c : prefixed;
                } else if (rest.equals(List.of("full"))) {
                    fullName = c;
                } else {
                    names.add(c);
                }
            } else if (w.equals(List.of("title"))
                    || w.size() >= 2
                            && w.get(w.size() - 1).equals("title")
                            && tableWords.containsAll(w.subList(0, w.size() - 1))) {
                title = c;
            }
        }
        if (exact != null) {
            return List.of(exact);
        }
        if (prefixed != null) {
            return List.of(prefixed);
        }
        List<ColumnEntry> pair = new ArrayList<>();
        for (ColumnEntry c : names) {
            List<String> w = SchemaIndex.stems(c.words);
            if (w.contains("first") || w.contains("last") || w.contains("given") || w.contains("family")) {
                pair.add(c);
            }
        }
        if (pair.size() == 2) {
            // people: first and last name, before a job title
            pair.sort((a, b) -> Boolean.compare(
                    !a.words.contains("first") && !a.words.contains("given"),
                    !b.words.contains("first") && !b.words.contains("given")));
            return pair;
        }
        if (title != null) {
            return List.of(title);
        }
        List<String> core = SchemaIndex.stems(SchemaIndex.stripGeneric(t.words));
        List<String> head = core.subList(core.size() - 1, core.size());
        for (ColumnEntry c : t.columns) {
            List<String> w = SchemaIndex.stems(c.words);
            if (c.text() && (w.equals(tableWords) || w.equals(core) || w.equals(head)) && !c.isForeignKey()) {
                // airlines.Airline, orchestra.Orchestra, car_makers.Maker: the column named for the rows.
                return List.of(c);
            }
        }
        if (fullName != null) {
            return List.of(fullName);
        }
        List<ColumnEntry> firstLast = new ArrayList<>();
        for (ColumnEntry c : names) {
            List<String> w = SchemaIndex.stems(c.words);
            if (w.contains("first")
                    || w.contains("last")
                    || w.contains("given")
                    || w.contains("family")
                    || w.contains("fname")
                    || w.contains("lname")) {
                firstLast.add(c);
            }
        }
        if (firstLast.size() == 2) {
            return firstLast;
        }
        if (names.size() == 1) {
            return names;
        }
        return List.of();
    }

    private void parseSelect() {
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
                // "the names of conductors and the orchestras": show the orchestras too.
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
                    // "the first and last name": first_name too
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
                // "the government form name" is the government form.
                use(i);
                continue;
            }
            if (kind(i) == Kind.COLUMN
                    && m(i).best() < 0.7
                    && isWord(skipBack(i - 1, DETERMINERS), "of")
                    && anyColumn) {
                // "the first name of the winner": "winner" only says whose
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
                    // "which airline" read as flights.Airline: show the airline, not its key.
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
                // "for each player and their first name"
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

    private ColumnEntry elidedColumn(int i) {
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

    /** The table a foreign-key column is named after, when it has a name to show instead of the key. */
    private static TableEntry entityOfKey(ColumnEntry c) {
        for (Edge e : c.table.edges) {
            if (e.from() == c.table
                    && e.fromColumns().size() == 1
                    && e.fromColumns().get(0) == c) {
                List<String> core = SchemaIndex.stems(SchemaIndex.stripGeneric(e.to().words));
                if (SchemaIndex.stems(c.words).equals(core)
                        && !displayColumns(e.to()).isEmpty()
                        && !displayColumns(e.to()).contains(e.toColumns().get(0))) {
                    return e.to();
                }
            }
        }
        return null;
    }

    private TableEntry boundTableOfWord(int i) {
        TableEntry t = boundTable(i);
        if (t != null) {
            return t;
        }
        return focus;
    }

    private TableEntry[] bothTables;

    /** "states where both owners and professionals live": the shown column in each table, intersected. */
    private void parseBothTables() {
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

    private Plan intersectTables() {
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
                last.setOperator = "INTERSECT";
                last.setRight = p;
            }
            last = p;
        }
        return first;
    }

    private static boolean conditionOn(Cond c, TableEntry t) {
        Set<TableEntry> tables = new HashSet<>();
        collectTables(c, tables);
        return tables.size() == 1 && tables.contains(t);
    }

    /** Tables named in the rows part ("singers who have concerts") join the query. */
    private void parseExistence() {
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

    // ---- assembly ----------------------------------------------------------------------------------------------

    private Reading assemble() {
        Plan p = new Plan();
        if (focus == null) {
            if (!select.isEmpty() && select.get(0).expr.column() != null) {
                focus = select.get(0).expr.column().table;
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
        select.sort((a, b) -> Integer.compare(a.pos, b.pos));
        if (bothTables != null) {
            Plan both = intersectTables();
            if (both == null) {
                return new Reading(null, 0, List.of("both ... and ..."), doubts);
            }
            Set<TableEntry> tables = new HashSet<>(List.of(bothTables));
            List<String> unexplained = unexplained(tables);
            double confidence = penalty;
            for (String u : unexplained) {
                confidence *= Lexicon.RELATION_VERBS.contains(u) ? 0.9 : 0.45;
            }
            return new Reading(both, confidence, unexplained, doubts);
        }
        List<Expr> items = new ArrayList<>();
        for (Item it : select) {
            if (!items.contains(it.expr)) {
                items.add(it.expr);
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
        }
        Sup rank = sup;
        if (rank != null && rank.kind == Kind.TABLE && rank.counted == null) {
            doubt("could not tell what to count for 'most'", 0.4);
            rank = null;
        }
        if (rank != null
                && rank.kind == Kind.COLUMN
                && rank.agg == Agg.NONE
                && groupTables.isEmpty()
                && groupKeys.isEmpty()
                && items.size() == 1
                && items.get(0).equals(Expr.col(rank.column))) {
            // "the age of the oldest dog" is the maximum age.
            items.set(0, Expr.agg(rank.desc ? Agg.MAX : Agg.MIN, rank.column));
            rank = null;
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
        boolean entity = (!having.isEmpty() || rank != null && rank.kind == Kind.TABLE || rankedByAggregate)
                && groupKeys.isEmpty()
                && groupTables.isEmpty();
        if (entity) {
            // Counting per row of the subject: group by the subject's key and what is shown of it.
            TableEntry counted = rank != null && rank.kind == Kind.TABLE ? rank.counted : countedByHaving();
            TableEntry subject = focus;
            if (!plain.isEmpty()
                    && plain.stream()
                            .allMatch(e -> e.column().table == plain.get(0).column().table)) {
                subject = plain.get(0).column().table;
            }
            if (subject == counted && !plain.isEmpty()) {
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
        if (rank != null && rank.kind == Kind.TABLE) {
            p.orderBy.add(new Plan.Order(Expr.countAll(), rank.desc));
            p.limit = 1;
        } else if (rank != null && rank.kind == Kind.COLUMN) {
            if (rank.agg == Agg.NONE && groupBy.isEmpty() && aggregate) {
                // "the number of concerts in the stadium with the largest capacity": that stadium, then count.
                Plan sub = new Plan();
                sub.root = rank.column.table;
                sub.tables.add(rank.column.table);
                sub.select.add(Expr.agg(rank.desc ? Agg.MAX : Agg.MIN, rank.column));
                p.where.add(new Plan.Compare(Expr.col(rank.column), "=", new Plan.Scalar(sub)));
                required.add(rank.column.table);
            } else if (rank.agg == Agg.NONE && groupBy.isEmpty()) {
                // Ties all count: compare with the extreme value over the same rows.
                Plan sub = new Plan();
                sub.root = focus;
                sub.tables.addAll(required);
                sub.tables.add(rank.column.table);
                sub.where.addAll(where);
                sub.select.add(Expr.agg(rank.desc ? Agg.MAX : Agg.MIN, rank.column));
                p.where.add(new Plan.Compare(Expr.col(rank.column), "=", new Plan.Scalar(sub)));
                required.add(rank.column.table);
            } else {
                if (groupBy.isEmpty() && rank.agg != Agg.NONE) {
                    groupBy.addAll(keyOf(focus));
                    for (Expr e : plain) {
                        if (!groupBy.contains(e)) {
                            groupBy.add(e);
                        }
                    }
                }
                p.orderBy.add(new Plan.Order(new Expr(rank.agg, rank.column, false, null), rank.desc));
                p.limit = 1;
            }
        }
        if (mostCommon != null) {
            if (!groupBy.contains(Expr.col(mostCommon.column))) {
                groupBy.add(Expr.col(mostCommon.column));
            }
            p.orderBy.add(new Plan.Order(Expr.countAll(), mostCommon.desc));
            p.limit = 1;
        }
        if (countOrder != null) {
            // "in ascending order of count": count per shown value
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
        if (orderFallback && orders.isEmpty() && (sup == null || sup.kind != Kind.COLUMN) && mostCommon == null) {
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
            // "how many professionals have treated dogs": each professional once
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
                // "that had 8 cylinders or that were produced before 1980": either condition
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

    private boolean hasWord(String w) {
        for (Token t : tokens) {
            if (t.is(w)) {
                return true;
            }
        }
        return false;
    }

    /** "founded before 2003 and after 2003" cannot hold for one row: the reading is wrong. */
    private void checkContradictions(List<Cond> conds) {
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

    private void setOperation(Plan p) {
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

    private TableEntry countedTable;

    private TableEntry countedByHaving() {
        return countedTable;
    }

    private List<Expr> keyOf(TableEntry t) {
        List<Expr> out = new ArrayList<>();
        for (ColumnEntry c : t.primaryKey) {
            out.add(Expr.col(c));
        }
        if (out.isEmpty()) {
            for (ColumnEntry c : displayColumns(t)) {
                out.add(Expr.col(c));
            }
        }
        return out;
    }

    private static void collectTables(List<Expr> exprs, Set<TableEntry> into) {
        for (Expr e : exprs) {
            if (e.column() != null) {
                into.add(e.column().table);
            }
        }
    }

    private static void collectTables(Cond c, Set<TableEntry> into) {
        if (c instanceof Plan.Compare cmp) {
            collectTables(List.of(cmp.left()), into);
        } else if (c instanceof Plan.Between b) {
            collectTables(List.of(b.left()), into);
        } else if (c instanceof Plan.InList in) {
            collectTables(List.of(in.left()), into);
        } else if (c instanceof Plan.InSubquery in) {
            into.add(in.left().table);
        } else if (c instanceof Plan.Like like) {
            collectTables(List.of(like.left()), into);
        } else if (c instanceof Plan.YearIs y) {
            into.add(y.column().table);
        } else if (c instanceof Plan.Period pd) {
            into.add(pd.column().table);
        } else if (c instanceof Plan.AnyOf any) {
            for (Cond a : any.alternatives()) {
                collectTables(a, into);
            }
        }
    }

    /** After a subject word ("who teach", "do they teach", "departments offer") and before an object. */
    private boolean verbPosition(int i) {
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

    private boolean joinsAround(int i, Set<TableEntry> tables) {
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

    /** A verb naming what joins the tables ("conducted" for conductors, "enrolled" for enrolments). */
    private static boolean verbOfTables(String w, Set<TableEntry> tables) {
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

    private final Set<String> softVerbs = new HashSet<>();

    /** Words of the question that no pass explained. */
    private List<String> unexplained(Set<TableEntry> tables) {
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
            if (Words.STOPWORDS.contains(w) || Words.FILLER.contains(w) || Cues.DISTINCT.contains(w)) {
                continue;
            }
            if (Set.of("type", "types", "kind", "kinds", "category", "value").contains(w)
                    && kind(i - 1) == Kind.COLUMN
                    && used(i - 1)) {
                // "each hand type" is the hand column
                continue;
            }
            if (verbOfTables(w, tables)) {
                continue;
            }
            if (((w.endsWith("ed") || w.endsWith("ing")) && w.length() > 4 || verbPosition(i))
                    && joinsAround(i, tables)) {
                // "singers who performed in concerts": a verb between two joined tables restates the join
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
