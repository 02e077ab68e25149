package io.datamind.offline;

import io.datamind.offline.Mention.Kind;
import io.datamind.offline.Plan.Agg;
import io.datamind.offline.Plan.Bucket;
import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.Plan.Literal;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.Edge;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The state of one question being read and the small helpers every reading pass uses. */
abstract class ParseContext {

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

    static final String[][] OPERATORS = {
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
    static final String[][] POST_OPERATORS = {
        {"or more", ">="}, {"or greater", ">="}, {"or higher", ">="}, {"or above", ">="}, {"or over", ">="},
        {"and above", ">="}, {"and over", ">="}, {"or later", ">="}, {"and later", ">="}, {"plus", ">="},
        {"or less", "<="}, {"or fewer", "<="}, {"or lower", "<="}, {"or below", "<="}, {"or under", "<="},
        {"and below", "<="}, {"and under", "<="}, {"or earlier", "<="}, {"and earlier", "<="}
    };

    static final Set<String> SKIP_BEFORE_SUBJECT = Words.set(
            "is", "are", "was", "were", "be", "been", "a", "an", "the", "of", "with", "has", "have", "had", "whose",
            "that", "which", "who", "its", "their", "having", "value", "values", "being", "in", "and");

    static final Set<String> DETERMINERS = Words.set(
            "the", "a", "an", "all", "each", "every", "its", "their", "his", "her", "any", "those", "these", "this",
            "that", "some");

    final List<Token> tokens;

    final SchemaIndex index;

    final List<Unit> units = new ArrayList<>();

    boolean[] used;

    Kind[] kinds;

    TableEntry focus;

    int headEnd;

    int selectFrom = -1;

    int selectTo = -1;

    boolean mainClause;

    record Item(int pos, Expr expr) {}

    /** A ranking that keeps one row: by a column (perhaps aggregated) or by the count of a related table. */
    record Sup(Kind kind, ColumnEntry column, Agg agg, TableEntry counted, boolean desc) {}

    final List<Item> select = new ArrayList<>();

    final List<Cond> where = new ArrayList<>();

    final List<Cond> having = new ArrayList<>();

    final List<Expr> groupKeys = new ArrayList<>();

    final Set<TableEntry> groupTables = new LinkedHashSet<>();

    final List<Plan.Order> orders = new ArrayList<>();

    final Set<TableEntry> required = new LinkedHashSet<>();

    final Set<Edge> preferredEdges = new HashSet<>();

    final List<String> doubts = new ArrayList<>();

    final Map<ColumnEntry, List<String>> bothValues = new LinkedHashMap<>();

    final Map<ColumnEntry, List<String>> butNotValues = new LinkedHashMap<>();

    Sup sup;

    Sup mostCommon;

    boolean orderFallback;

    boolean orderFallbackDesc;

    Integer limit;

    boolean distinct;

    boolean star;

    TableEntry countTable;

    double penalty = 1.0;

    ParseContext(List<Token> tokens, List<Mention> mentions, SchemaIndex index) {
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

    /** Of two keys between the same tables, the one whose column the question names ("shipping address"). */
    void preferEdgesNamedInQuestion() {
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

    // ---- unit helpers -------------------------------------------------------------------------------------

    int size() {
        return units.size();
    }

    String w(int i) {
        return i >= 0 && i < size() ? units.get(i).word() : "";
    }

    boolean isWord(int i, String... options) {
        String w = w(i);
        for (String o : options) {
            if (w.equals(o)) {
                return true;
            }
        }
        return false;
    }

    Mention m(int i) {
        return i >= 0 && i < size() ? units.get(i).mention() : null;
    }

    Token tok(int i) {
        return i >= 0 && i < size() ? units.get(i).token() : null;
    }

    Kind kind(int i) {
        return i >= 0 && i < size() ? kinds[i] : null;
    }

    boolean isNumber(int i) {
        Token t = tok(i);
        return t != null && t.kind() == Token.Kind.NUMBER;
    }

    boolean isPunct(int i) {
        Token t = tok(i);
        return t != null && t.kind() == Token.Kind.PUNCT;
    }

    /** Length in units of a phrase of words starting at i, or 0. */
    int phrase(int i, String phrase) {
        String[] parts = phrase.split(" ");
        for (int k = 0; k < parts.length; k++) {
            if (!w(i + k).equals(parts[k]) || used(i + k)) {
                return 0;
            }
        }
        return parts.length;
    }

    boolean used(int i) {
        return i >= 0 && i < size() && used[i];
    }

    void use(int from, int to) {
        for (int k = Math.max(0, from); k < Math.min(to, size()); k++) {
            used[k] = true;
        }
    }

    void use(int i) {
        use(i, i + 1);
    }

    int skip(int i, Set<String> words) {
        while (i < size() && words.contains(w(i))) {
            i++;
        }
        return i;
    }

    int skipBack(int i, Set<String> words) {
        while (i >= 0 && words.contains(w(i))) {
            i--;
        }
        return i;
    }

    void doubt(String why, double factor) {
        if (!doubts.contains(why)) {
            doubts.add(why);
            penalty *= factor;
        }
    }

    boolean isHead(int i) {
        return i < headEnd || selectFrom > 0 && i >= selectFrom && i < selectTo;
    }

    /** A key that is not unique in its table: each referenced row may have many referencing rows. */
    static boolean multiplies(Edge e) {
        return !(e.from().primaryKey.size() == e.fromColumns().size()
                && e.from().primaryKey.containsAll(e.fromColumns()));
    }

    static boolean references(TableEntry from, TableEntry to) {
        for (Edge e : from.edges) {
            if (e.from() == from && e.to() == to) {
                return true;
            }
        }
        return false;
    }

    static boolean adjacent(TableEntry a, TableEntry b) {
        for (Edge e : a.edges) {
            if (e.other(a) == b) {
                return true;
            }
        }
        return false;
    }

    /** Reads an ordering phrase starting at i; returns its end or -1 when it is not one. */
    final Map<Integer, Integer> orderMentions = new LinkedHashMap<>();

    boolean orderByCount;

    Plan.Order countOrder;

    // ---- comparisons -----------------------------------------------------------------------------------------

    record Operator(String op, int width, Lexicon.Attribute attribute, int subjectAt) {}

    final Map<Cond, Integer> condPos = new java.util.IdentityHashMap<>();

    Cond lastComparison;

    int lastComparisonEnd = -1;

    static boolean sameColumn(Cond c, ColumnEntry column) {
        if (c instanceof Plan.Compare cmp) {
            return cmp.left().column() == column;
        }
        if (c instanceof Plan.YearIs y) {
            return y.column() == column;
        }
        return false;
    }

    static boolean isParticiple(String w) {
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

    static String negate(String op) {
        return switch (op) {
            case ">" -> "<=";
            case ">=" -> "<";
            case "<" -> ">=";
            case "<=" -> ">";
            case "=" -> "!=";
            default -> "=";
        };
    }

    static String invert(String op) {
        return switch (op) {
            case ">" -> "<";
            case ">=" -> "<=";
            case "<" -> ">";
            case "<=" -> ">=";
            default -> op;
        };
    }

    /** A number token, or a number that matched a sampled text value. */
    Literal numberUnit(int i) {
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
    Literal numberAt(int i) {
        if (numberUnit(i) != null) {
            return numberUnit(i);
        }
        Integer n = Cues.numberWord(w(i));
        return n == null || m(i) != null ? null : new Literal(String.valueOf(n), true);
    }

    Literal number(int i) {
        String raw = tok(i).raw();
        return new Literal(raw, true);
    }

    /** What a comparison is about. */
    record Subject(ColumnEntry column, Agg agg, TableEntry counted, int unit, int cueFrom, int cueTo) {

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

    /** A numeric column named "total" or "amount": what "the total of invoices" adds up. */
    static ColumnEntry moneyColumn(TableEntry t) {
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

    // ---- time ---------------------------------------------------------------------------------------------------

    Bucket bucketWordAt(int i) {
        return Cues.BUCKET_WORDS.get(w(i));
    }

    /**
     * A subquery listing the keys of focus rows related to the target table (with the given value filters): the
     * first foreign-key step from the focus on the shortest path to the target.
     */
    final List<Integer> innerNumbers = new ArrayList<>();

    record Membership(ColumnEntry outer, Plan subquery) {}

    static final Set<String> TRUE_VALUES = Words.set("t", "y", "yes", "true", "1");

    static final Set<String> FALSE_VALUES = Words.set("f", "n", "no", "false", "0");

    /** The value meaning "yes" of a two-valued flag column (T/F, Y/N, yes/no, 1/0), or null. */
    static String trueValue(ColumnEntry c) {
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

    String joinRaw(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int k = from; k < to; k++) {
            if (k > from) {
                sb.append(' ');
            }
            sb.append(tok(k).raw());
        }
        return sb.toString();
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
                if (!tableWords.containsAll(rest) && namesRelatedParty(t, c, rest)) {
                    // agent_name next to agent_phone, billing_name next to billing_city: another party's name
                    continue;
                }
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
                // suppliers.Supplier, brand_list.Brand: the column named for the rows.
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
        ColumnEntry sampled = nameLikeBySamples(t);
        return sampled == null ? List.of() : List.of(sampled);
    }

    /**
     * A name column whose leading words also begin other columns of the table (agent_name beside agent_phone,
     * billing_name beside billing_city) names a party attached to the row, not the row itself.
     */
    static boolean namesRelatedParty(TableEntry t, ColumnEntry nameColumn, List<String> rest) {
        for (ColumnEntry other : t.columns) {
            if (other == nameColumn || other.isIdentifier()) {
                continue;
            }
            List<String> w = SchemaIndex.stems(other.words);
            if (w.size() > rest.size() && w.subList(0, rest.size()).equals(rest)) {
                return true;
            }
        }
        return false;
    }

    /** Words of columns that hold contact details or free text rather than what a row is called. */
    private static final Set<String> NOT_A_NAME = Words.set(
            "address",
            "street",
            "email",
            "mail",
            "phone",
            "fax",
            "url",
            "website",
            "zip",
            "postal",
            "postcode",
            "description",
            "comment",
            "comments",
            "note",
            "notes",
            "status",
            "type",
            "code",
            "city",
            "country",
            "state",
            "region");

    /**
     * A table with no name-like column: its text column whose sampled values are distinct for (nearly) every row and
     * read as names (letters, not codes or numbers), when the database estimates the number of rows.
     */
    static ColumnEntry nameLikeBySamples(TableEntry t) {
        Long rows = t.info.rowEstimate();
        if (rows == null || rows < 2) {
            return null;
        }
        ColumnEntry best = null;
        for (ColumnEntry c : t.columns) {
            if (!c.text()
                    || c.isIdentifier()
                    || c.isForeignKey()
                    || c.samples.size() < 0.9 * rows
                    || c.words.stream().anyMatch(NOT_A_NAME::contains)) {
                continue;
            }
            long readable = c.samples.stream()
                    .filter(v -> v.length() > 1
                            && Character.isLetter(v.charAt(0))
                            && !v.equals(v.toUpperCase(Locale.ROOT))
                            && !v.contains("@"))
                    .count();
            if (readable >= 0.9 * c.samples.size() && (best == null || c.samples.size() > best.samples.size())) {
                best = c;
            }
        }
        return best;
    }

    /** The table a foreign-key column is named after, when it has a name to show instead of the key. */
    static TableEntry entityOfKey(ColumnEntry c) {
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

    TableEntry[] bothTables;
    /** How the rows of {@link #bothTables} combine: INTERSECT ("both ... and ..."), EXCEPT ("... but no ..."). */
    String tablesOperator = "INTERSECT";

    static boolean conditionOn(Cond c, TableEntry t) {
        Set<TableEntry> tables = new HashSet<>();
        collectTables(c, tables);
        return tables.size() == 1 && tables.contains(t);
    }

    boolean hasWord(String w) {
        for (Token t : tokens) {
            if (t.is(w)) {
                return true;
            }
        }
        return false;
    }

    TableEntry countedTable;

    List<Expr> keyOf(TableEntry t) {
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

    static void collectTables(List<Expr> exprs, Set<TableEntry> into) {
        for (Expr e : exprs) {
            if (e.column() != null) {
                into.add(e.column().table);
            }
        }
    }

    static void collectTables(Cond c, Set<TableEntry> into) {
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

    final Set<String> softVerbs = new HashSet<>();
}
