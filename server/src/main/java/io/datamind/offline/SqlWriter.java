package io.datamind.offline;

import io.datamind.offline.Plan.AnyOf;
import io.datamind.offline.Plan.Between;
import io.datamind.offline.Plan.Bucket;
import io.datamind.offline.Plan.Compare;
import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.Plan.InList;
import io.datamind.offline.Plan.InSubquery;
import io.datamind.offline.Plan.Like;
import io.datamind.offline.Plan.Literal;
import io.datamind.offline.Plan.Operand;
import io.datamind.offline.Plan.Order;
import io.datamind.offline.Plan.Period;
import io.datamind.offline.Plan.Scalar;
import io.datamind.offline.Plan.YearIs;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/** Writes a plan as SQL in one dialect: identifier quoting only where needed, and the dialect's date functions. */
final class SqlWriter {

    private static final Set<String> RESERVED = Words.set(
            "all",
            "analyse",
            "analyze",
            "and",
            "any",
            "array",
            "as",
            "asc",
            "asymmetric",
            "authorization",
            "between",
            "binary",
            "both",
            "by",
            "case",
            "cast",
            "check",
            "collate",
            "collation",
            "column",
            "concurrently",
            "constraint",
            "create",
            "cross",
            "current_date",
            "current_time",
            "current_timestamp",
            "current_user",
            "default",
            "deferrable",
            "desc",
            "distinct",
            "do",
            "else",
            "end",
            "except",
            "exists",
            "false",
            "fetch",
            "for",
            "foreign",
            "freeze",
            "from",
            "full",
            "grant",
            "group",
            "groups",
            "having",
            "ilike",
            "in",
            "index",
            "initially",
            "inner",
            "insert",
            "intersect",
            "interval",
            "into",
            "is",
            "isnull",
            "join",
            "key",
            "keys",
            "lateral",
            "leading",
            "left",
            "like",
            "limit",
            "localtime",
            "localtimestamp",
            "natural",
            "not",
            "notnull",
            "null",
            "offset",
            "on",
            "only",
            "or",
            "order",
            "outer",
            "over",
            "overlaps",
            "placing",
            "primary",
            "range",
            "rank",
            "references",
            "returning",
            "right",
            "row",
            "rows",
            "select",
            "session_user",
            "set",
            "similar",
            "some",
            "symmetric",
            "table",
            "tablesample",
            "then",
            "to",
            "trailing",
            "true",
            "union",
            "unique",
            "update",
            "user",
            "using",
            "values",
            "variadic",
            "verbose",
            "when",
            "where",
            "window",
            "with",
            "add",
            "alter",
            "before",
            "change",
            "condition",
            "database",
            "databases",
            "delete",
            "describe",
            "div",
            "drop",
            "dual",
            "each",
            "elseif",
            "exit",
            "explain",
            "fulltext",
            "if",
            "ignore",
            "inout",
            "kill",
            "lines",
            "load",
            "lock",
            "long",
            "loop",
            "match",
            "mod",
            "modifies",
            "option",
            "out",
            "outfile",
            "partition",
            "precision",
            "procedure",
            "purge",
            "read",
            "regexp",
            "release",
            "rename",
            "repeat",
            "replace",
            "require",
            "restrict",
            "return",
            "revoke",
            "rlike",
            "schema",
            "schemas",
            "separator",
            "show",
            "signal",
            "spatial",
            "sql",
            "ssl",
            "starting",
            "straight_join",
            "terminated",
            "trigger",
            "undo",
            "unlock",
            "unsigned",
            "usage",
            "use",
            "varying",
            "while",
            "write",
            "xor",
            "zerofill",
            "row_number",
            "cube",
            "function",
            "system",
            "of",
            "leave",
            "iterate",
            "lead",
            "lag",
            "year",
            "month",
            "day",
            "hour",
            "minute",
            "second",
            "date",
            "time",
            "timestamp",
            "level",
            "position",
            "value",
            "abort",
            "action",
            "after",
            "attach",
            "autoincrement",
            "begin",
            "cascade",
            "commit",
            "conflict",
            "deferred",
            "detach",
            "escape",
            "exclusive",
            "fail",
            "glob",
            "immediate",
            "indexed",
            "instead",
            "offset",
            "plan",
            "pragma",
            "query",
            "raise",
            "recursive",
            "reindex",
            "rollback",
            "savepoint",
            "temp",
            "temporary",
            "transaction",
            "vacuum",
            "view",
            "virtual",
            "without",
            "qualify",
            "pivot",
            "unpivot",
            "summarize",
            "asof");

    private final OfflineDialect dialect;

    SqlWriter(OfflineDialect dialect) {
        this.dialect = dialect;
    }

    String write(Plan p) {
        StringBuilder sb = new StringBuilder(select(p));
        Plan right = p.setRight;
        String op = p.setOperator;
        while (right != null) {
            sb.append(' ').append(op).append(' ').append(select(right));
            op = right.setOperator;
            right = right.setRight;
        }
        return sb.toString();
    }

    private String select(Plan p) {
        if (countsGroups(p)) {
            // "How many customers have at least 2 orders": the groups that pass HAVING are counted, not their rows
            Plan inner = p.copy();
            inner.select.clear();
            inner.select.addAll(p.groupBy);
            inner.distinct = false;
            String alias = alias(Expr.countAll(), p.root);
            return "SELECT COUNT(*)" + (alias == null ? "" : " AS " + ident(alias)) + " FROM (" + select(inner)
                    + ") AS groups_counted";
        }
        boolean qualify = !p.joins.isEmpty();
        StringBuilder sb = new StringBuilder("SELECT ");
        if (p.distinct) {
            sb.append("DISTINCT ");
        }
        if (p.star) {
            sb.append(qualify ? ident(p.root.name) + ".*" : "*");
        } else {
            StringJoiner items = new StringJoiner(", ");
            Set<String> aliases = new HashSet<>();
            TableEntry counted = countedTable(p);
            for (Expr e : p.select) {
                String item = expr(e, qualify);
                String alias = alias(e, counted);
                if (alias != null) {
                    String unique = alias;
                    for (int n = 2; !aliases.add(unique); n++) {
                        unique = alias + "_" + n;
                    }
                    item += " AS " + ident(unique);
                }
                items.add(item);
            }
            sb.append(items);
        }
        sb.append(" FROM ").append(ident(p.root.name));
        for (Plan.Join j : p.joins) {
            TableEntry joined = j.table();
            TableEntry other = j.edge().other(joined);
            sb.append(" JOIN ").append(ident(joined.name)).append(" ON ");
            List<ColumnEntry> a = j.edge().columnsOf(other);
            List<ColumnEntry> b = j.edge().columnsOf(joined);
            StringJoiner on = new StringJoiner(" AND ");
            for (int i = 0; i < a.size(); i++) {
                on.add(column(a.get(i), true) + " = " + column(b.get(i), true));
            }
            sb.append(on);
        }
        if (!p.where.isEmpty()) {
            sb.append(" WHERE ").append(conditions(p.where, qualify));
        }
        if (!p.groupBy.isEmpty()) {
            StringJoiner g = new StringJoiner(", ");
            for (Expr e : p.groupBy) {
                g.add(expr(e, qualify));
            }
            sb.append(" GROUP BY ").append(g);
        }
        if (!p.having.isEmpty()) {
            sb.append(" HAVING ").append(conditions(p.having, qualify));
        }
        if (!p.orderBy.isEmpty()) {
            StringJoiner o = new StringJoiner(", ");
            for (Order order : p.orderBy) {
                o.add(expr(order.expr(), qualify) + (order.descending() ? " DESC" : " ASC"));
            }
            sb.append(" ORDER BY ").append(o);
        }
        if (p.limit != null) {
            sb.append(" LIMIT ").append(p.limit);
        }
        return sb.toString();
    }

    /** A lone count over groups that are only there for a condition on their counts. */
    private static boolean countsGroups(Plan p) {
        return p.select.size() == 1
                && p.select.get(0).agg() == Plan.Agg.COUNT
                && !p.groupBy.isEmpty()
                && !p.having.isEmpty()
                && p.orderBy.isEmpty()
                && p.limit == null
                && p.groupBy.stream().noneMatch(p.select::contains);
    }

    private String conditions(List<Cond> conds, boolean qualify) {
        StringJoiner j = new StringJoiner(" AND ");
        for (Cond c : conds) {
            j.add(condition(c, qualify));
        }
        return j.toString();
    }

    private String condition(Cond c, boolean qualify) {
        if (c instanceof Compare cmp) {
            return expr(cmp.left(), qualify) + " " + cmp.op() + " " + operand(cmp.right());
        }
        if (c instanceof Between b) {
            return expr(b.left(), qualify) + " BETWEEN " + operand(b.low()) + " AND " + operand(b.high());
        }
        if (c instanceof InList in) {
            StringJoiner vals = new StringJoiner(", ");
            for (Operand o : in.values()) {
                vals.add(operand(o));
            }
            return expr(in.left(), qualify) + (in.negated() ? " NOT IN (" : " IN (") + vals + ")";
        }
        if (c instanceof InSubquery in) {
            return column(in.left(), qualify) + (in.negated() ? " NOT IN (" : " IN (") + write(in.subquery()) + ")";
        }
        if (c instanceof AnyOf any) {
            StringJoiner j = new StringJoiner(" OR ", "(", ")");
            for (Cond alt : any.alternatives()) {
                j.add(condition(alt, qualify));
            }
            return j.toString();
        }
        if (c instanceof Like like) {
            return expr(like.left(), qualify) + (like.negated() ? " NOT LIKE " : " LIKE ") + string(like.pattern());
        }
        if (c instanceof YearIs y) {
            return year(column(y.column(), qualify)) + " " + y.op() + " " + y.year();
        }
        if (c instanceof Period p) {
            return period(column(p.column(), qualify), p);
        }
        throw new IllegalStateException("unknown condition " + c);
    }

    private String operand(Operand o) {
        if (o instanceof Literal l) {
            return l.numeric() ? l.text() : string(l.text());
        }
        return "(" + write(((Scalar) o).plan()) + ")";
    }

    /**
     * A readable name for a computed column, so the result table, the chart and the narrative say "number_of_orders"
     * rather than whatever the database calls {@code COUNT(*)}; null for plain columns, which keep their own name.
     */
    private static String alias(Expr e, TableEntry root) {
        if (e.column() == null) {
            return "number_of_" + snake(root.name);
        }
        String col = snake(e.column().name);
        if (e.bucket() != null) {
            return col + "_" + e.bucket().name().toLowerCase(Locale.ROOT);
        }
        return switch (e.agg()) {
            case NONE -> null;
            case COUNT -> (e.distinct() ? "distinct_" : "count_") + col;
            case SUM -> "total_" + col;
            case AVG -> "average_" + col;
            case MIN -> "min_" + col;
            case MAX -> "max_" + col;
        };
    }

    /**
     * What {@code COUNT(*)} counts: with joined tables grouped by one of them ("clients by number of orders"), the
     * one joined table not grouped by; otherwise the query's own table.
     */
    private static TableEntry countedTable(Plan p) {
        if (p.joins.isEmpty() || p.groupBy.isEmpty()) {
            return p.root;
        }
        Set<TableEntry> grouped = new HashSet<>();
        for (Expr e : p.groupBy) {
            if (e.column() != null) {
                grouped.add(e.column().table);
            }
        }
        Set<TableEntry> rest = new HashSet<>();
        rest.add(p.root);
        for (Plan.Join j : p.joins) {
            rest.add(j.table());
        }
        rest.removeAll(grouped);
        return rest.size() == 1 ? rest.iterator().next() : p.root;
    }

    private static String snake(String name) {
        String snake = name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "_")
                .replaceAll("^_+|_+$", "");
        snake = snake.isEmpty() ? "value" : snake;
        return snake.length() > 40 ? snake.substring(0, 40) : snake;
    }

    String expr(Expr e, boolean qualify) {
        if (e.column() == null) {
            return "COUNT(*)";
        }
        String col = column(e.column(), qualify);
        if (e.bucket() != null) {
            return bucket(col, e.bucket());
        }
        return switch (e.agg()) {
            case NONE -> col;
            case COUNT -> e.distinct() ? "COUNT(DISTINCT " + col + ")" : "COUNT(" + col + ")";
            case SUM -> "SUM(" + col + ")";
            case AVG -> "AVG(" + col + ")";
            case MIN -> "MIN(" + col + ")";
            case MAX -> "MAX(" + col + ")";
        };
    }

    String column(ColumnEntry c, boolean qualify) {
        return qualify ? ident(c.table.name) + "." + ident(c.name) : ident(c.name);
    }

    String ident(String name) {
        boolean simple = name.matches("[A-Za-z_][A-Za-z0-9_]*") && !RESERVED.contains(name.toLowerCase(Locale.ROOT));
        if (simple && dialect == OfflineDialect.POSTGRESQL && !name.equals(name.toLowerCase(Locale.ROOT))) {
            simple = false;
        }
        if (simple) {
            return name;
        }
        if (dialect.mysqlFamily()) {
            return "`" + name.replace("`", "``") + "`";
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private String string(String s) {
        String escaped = s.replace("'", "''");
        if (dialect.mysqlFamily()) {
            escaped = escaped.replace("\\", "\\\\");
        }
        return "'" + escaped + "'";
    }

    private String year(String col) {
        return switch (dialect) {
            case POSTGRESQL -> "EXTRACT(YEAR FROM " + col + ")";
            case MYSQL, MARIADB -> "YEAR(" + col + ")";
            case SQLITE -> "CAST(strftime('%Y', " + col + ") AS INTEGER)";
            case DUCKDB -> "year(" + col + ")";
        };
    }

    /**
     * A bucket in the dialect's natural shape: the year as a number, the month as 2024-03, the quarter as 2024-Q1
     * (text that sorts in time order), and within one year the month or quarter number.
     */
    private String bucket(String col, Bucket b) {
        if (b == Bucket.YEAR) {
            return year(col);
        }
        return switch (dialect) {
            case POSTGRESQL ->
                switch (b) {
                    case DAY -> "CAST(" + col + " AS DATE)";
                    case WEEK -> "to_char(" + col + ", 'IYYY-\"W\"IW')";
                    case MONTH -> "to_char(" + col + ", 'YYYY-MM')";
                    case MONTH_OF_YEAR -> "EXTRACT(MONTH FROM " + col + ")";
                    case QUARTER_OF_YEAR -> "EXTRACT(QUARTER FROM " + col + ")";
                    default -> "to_char(" + col + ", 'YYYY-\"Q\"Q')";
                };
            case DUCKDB ->
                switch (b) {
                    case DAY -> "CAST(" + col + " AS DATE)";
                    case WEEK -> "strftime(" + col + ", '%G-W%V')";
                    case MONTH -> "strftime(" + col + ", '%Y-%m')";
                    case MONTH_OF_YEAR -> "month(" + col + ")";
                    case QUARTER_OF_YEAR -> "quarter(" + col + ")";
                    default -> "CAST(year(" + col + ") AS VARCHAR) || '-Q' || CAST(quarter(" + col + ") AS VARCHAR)";
                };
            case MYSQL, MARIADB ->
                switch (b) {
                    case DAY -> "DATE(" + col + ")";
                    case WEEK -> "DATE_FORMAT(" + col + ", '%x-W%v')";
                    case MONTH -> "DATE_FORMAT(" + col + ", '%Y-%m')";
                    case MONTH_OF_YEAR -> "MONTH(" + col + ")";
                    case QUARTER_OF_YEAR -> "QUARTER(" + col + ")";
                    default -> "CONCAT(YEAR(" + col + "), '-Q', QUARTER(" + col + "))";
                };
            case SQLITE ->
                switch (b) {
                    case DAY -> "date(" + col + ")";
                    case WEEK -> "strftime('%Y-W%W', " + col + ")";
                    case MONTH -> "strftime('%Y-%m', " + col + ")";
                    case MONTH_OF_YEAR -> "CAST(strftime('%m', " + col + ") AS INTEGER)";
                    case QUARTER_OF_YEAR -> "((CAST(strftime('%m', " + col + ") AS INTEGER) + 2) / 3)";
                    default ->
                        "strftime('%Y', " + col + ") || '-Q' || ((CAST(strftime('%m', " + col
                                + ") AS INTEGER) + 2) / 3)";
                };
        };
    }

    /** The first day of the current day, week, month, quarter or year. */
    private String startOfCurrent(Bucket unit) {
        String u = unit.name().toLowerCase(Locale.ROOT);
        return switch (dialect) {
            case POSTGRESQL -> "CAST(date_trunc('" + u + "', CURRENT_DATE) AS DATE)";
            case DUCKDB -> "CAST(date_trunc('" + u + "', CURRENT_DATE) AS DATE)";
            case MYSQL, MARIADB ->
                switch (unit) {
                    case DAY -> "CURRENT_DATE";
                    case WEEK -> "(CURRENT_DATE - INTERVAL WEEKDAY(CURRENT_DATE) DAY)";
                    case MONTH -> "DATE_FORMAT(CURRENT_DATE, '%Y-%m-01')";
                    case QUARTER -> "(MAKEDATE(YEAR(CURRENT_DATE), 1) + INTERVAL (QUARTER(CURRENT_DATE) - 1) QUARTER)";
                    case YEAR -> "MAKEDATE(YEAR(CURRENT_DATE), 1)";
                    default -> throw new IllegalStateException("not a period unit: " + unit);
                };
            case SQLITE ->
                switch (unit) {
                    case DAY -> "date('now')";
                    case WEEK -> "date('now', '-6 days', 'weekday 1')";
                    case MONTH -> "date('now', 'start of month')";
                    case QUARTER ->
                        "date('now', 'start of month', printf('-%d months', (CAST(strftime('%m', 'now') AS"
                                + " INTEGER) - 1) % 3))";
                    case YEAR -> "date('now', 'start of year')";
                    default -> throw new IllegalStateException("not a period unit: " + unit);
                };
        };
    }

    private String minus(String date, int amount, Bucket unit) {
        int n = unit == Bucket.WEEK ? amount * 7 : unit == Bucket.QUARTER ? amount * 3 : amount;
        Bucket u = unit == Bucket.WEEK ? Bucket.DAY : unit == Bucket.QUARTER ? Bucket.MONTH : unit;
        String word = u.name().toLowerCase(Locale.ROOT);
        return switch (dialect) {
            case POSTGRESQL, DUCKDB ->
                "CAST(" + date + " - INTERVAL '" + n + " " + word + (n == 1 ? "" : "s") + "' AS DATE)";
            case MYSQL, MARIADB -> "(" + date + " - INTERVAL " + n + " " + u.name() + ")";
            case SQLITE -> "date(" + date + ", '-" + n + " " + word + (n == 1 ? "" : "s") + "')";
        };
    }

    private String period(String col, Period p) {
        return switch (p.kind()) {
            case LAST_N -> {
                String today = switch (dialect) {
                    case SQLITE -> "date('now')";
                    default -> "CURRENT_DATE";
                };
                yield col + " >= " + minus(today, p.amount(), p.unit());
            }
            case THIS -> col + " >= " + startOfCurrent(p.unit());
            case PREVIOUS -> {
                String start = startOfCurrent(p.unit());
                yield col + " >= " + minus(start, 1, p.unit()) + " AND " + col + " < " + start;
            }
        };
    }
}
