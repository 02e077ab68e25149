package io.datamind.offline;

import io.datamind.offline.Plan.Cond;
import io.datamind.offline.Plan.Expr;
import io.datamind.offline.SchemaIndex.ColumnEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Says in words how a question was read: "Counting orders, grouped by customer country, for 2024". */
final class Explainer {

    private Explainer() {}

    static String explain(Plan p) {
        StringBuilder sb = new StringBuilder();
        String subject = words(p.root.name);
        List<Expr> aggs = p.select.stream().filter(Expr::aggregated).toList();
        List<Expr> plain = p.select.stream().filter(e -> !e.aggregated()).toList();
        if (!aggs.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (Expr e : aggs) {
                parts.add(describe(e, subject));
            }
            sb.append(capitalize(String.join(" and ", parts)));
        } else if (p.star) {
            sb.append("Listing all columns of ").append(subject);
        } else {
            List<String> cols = new ArrayList<>();
            for (Expr e : plain) {
                cols.add(describe(e, subject));
            }
            sb.append("Listing ").append(p.distinct ? "the different " : "").append(String.join(", ", cols));
            if (plain.stream().noneMatch(e -> e.column() != null && e.column().table == p.root)) {
                sb.append(" for ").append(subject);
            } else if (!cols.isEmpty() && !cols.get(0).contains(subject)) {
                sb.append(" of ").append(subject);
            }
        }
        if (!p.groupBy.isEmpty() && !aggs.isEmpty()) {
            List<String> g = new ArrayList<>();
            for (Expr e : p.groupBy) {
                if (e.column() != null && !(e.column().isPrimaryKey() && p.groupBy.size() > 1)) {
                    g.add(describe(e, subject));
                }
            }
            if (!g.isEmpty()) {
                sb.append(", grouped by ").append(String.join(" and ", g));
            }
        }
        if (!p.joins.isEmpty()) {
            List<String> t = new ArrayList<>();
            for (Plan.Join j : p.joins) {
                t.add(words(j.table().name));
            }
            sb.append(", joining ").append(String.join(", ", t));
        }
        List<String> conds = new ArrayList<>();
        List<String> periods = new ArrayList<>();
        for (Cond c : p.where) {
            if (c instanceof Plan.YearIs y && y.op().equals("=") || c instanceof Plan.Period) {
                periods.add(condition(c));
            } else {
                conds.add(condition(c));
            }
        }
        for (Cond c : p.having) {
            conds.add(condition(c));
        }
        if (!conds.isEmpty()) {
            sb.append(", where ").append(String.join(" and ", conds));
        }
        for (String period : periods) {
            sb.append(", ").append(period);
        }
        if (!p.orderBy.isEmpty()) {
            Plan.Order o = p.orderBy.get(0);
            if (p.limit != null) {
                sb.append(p.limit == 1 ? ", keeping the one with the " : ", keeping the " + p.limit + " with the ")
                        .append(o.descending() ? "highest " : "lowest ")
                        .append(rankWords(o.expr()));
            } else {
                sb.append(", ordered by ")
                        .append(rankWords(o.expr()))
                        .append(o.descending() ? " descending" : " ascending");
            }
        } else if (p.limit != null) {
            sb.append(", first ").append(p.limit);
        }
        if (p.setOperator != null) {
            sb.append(
                    p.setOperator.equals("INTERSECT")
                            ? ", keeping only rows found for every value"
                            : ", leaving out rows found for the excluded value");
        }
        return sb.toString();
    }

    private static String describe(Expr e, String subject) {
        if (e.column() == null) {
            return "counting " + subject;
        }
        return describeColumn(e);
    }

    private static String rankWords(Expr e) {
        return e.column() == null ? "count" : describeColumn(e);
    }

    private static String describeColumn(Expr e) {
        String col = words(e.column());
        if (e.bucket() != null) {
            return col + " by " + e.bucket().name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        return switch (e.agg()) {
            case NONE -> col;
            case COUNT -> e.distinct() ? "counting different " + col : "counting " + col;
            case SUM -> "total " + col;
            case AVG -> "average " + col;
            case MIN -> "minimum " + col;
            case MAX -> "maximum " + col;
        };
    }

    private static String condition(Cond c) {
        if (c instanceof Plan.Compare cmp
                && cmp.op().equals("=")
                && cmp.right() instanceof Plan.Literal l
                && (cmp.left().bucket() == Plan.Bucket.MONTH_OF_YEAR
                        || cmp.left().bucket() == Plan.Bucket.QUARTER_OF_YEAR)) {
            // "in March 2024": the month of the year, not a date equal to 3
            String part = cmp.left().bucket() == Plan.Bucket.MONTH_OF_YEAR ? "month " : "quarter ";
            return words(cmp.left().column()) + " in " + part + l.text();
        }
        if (c instanceof Plan.Compare cmp) {
            String right = cmp.right() instanceof Plan.Literal l ? l.text() : "the " + subqueryWords(cmp);
            return exprWords(cmp.left()) + " " + opWords(cmp.op()) + " " + right;
        }
        if (c instanceof Plan.Between b) {
            return exprWords(b.left()) + " between " + ((Plan.Literal) b.low()).text() + " and "
                    + ((Plan.Literal) b.high()).text();
        }
        if (c instanceof Plan.InList in) {
            List<String> v =
                    in.values().stream().map(o -> ((Plan.Literal) o).text()).toList();
            return exprWords(in.left()) + (in.negated() ? " is none of " : " is one of ") + String.join(", ", v);
        }
        if (c instanceof Plan.InSubquery in) {
            return words(in.left().table.name)
                    + (in.negated() ? " without " : " with ")
                    + words(lastTable(in.subquery()));
        }
        if (c instanceof Plan.Like like) {
            return words(like.left().column()) + (like.negated() ? " not like " : " like ") + like.pattern();
        }
        if (c instanceof Plan.YearIs y) {
            return (y.op().equals("=") ? "for " : "year of " + words(y.column()) + " " + opWords(y.op()) + " ")
                    + y.year();
        }
        if (c instanceof Plan.Period p) {
            String unit = p.unit().name().toLowerCase(Locale.ROOT);
            return switch (p.kind()) {
                case LAST_N ->
                    "in the last " + p.amount() + " " + unit + (p.amount() == 1 ? "" : "s") + " of "
                            + words(p.column());
                case THIS -> "in this " + unit + " of " + words(p.column());
                case PREVIOUS -> "in the previous " + unit + " of " + words(p.column());
            };
        }
        return c.toString();
    }

    private static String lastTable(Plan sub) {
        return sub.joins.isEmpty()
                ? sub.root.name
                : sub.joins.get(sub.joins.size() - 1).table().name;
    }

    private static String subqueryWords(Plan.Compare cmp) {
        Plan sub = ((Plan.Scalar) cmp.right()).plan();
        Expr e = sub.select.get(0);
        return describe(e, words(sub.root.name));
    }

    private static String exprWords(Expr e) {
        if (e.column() == null) {
            return "the count";
        }
        String col = words(e.column());
        return switch (e.agg()) {
            case NONE -> col;
            case COUNT -> "the count of " + col;
            case SUM -> "total " + col;
            case AVG -> "average " + col;
            case MIN -> "minimum " + col;
            case MAX -> "maximum " + col;
        };
    }

    private static String opWords(String op) {
        return switch (op) {
            case "=" -> "is";
            case "!=" -> "is not";
            case ">" -> "above";
            case ">=" -> "at least";
            case "<" -> "below";
            case "<=" -> "at most";
            default -> op;
        };
    }

    private static String words(ColumnEntry c) {
        return String.join(" ", c.words);
    }

    static String words(String identifier) {
        return String.join(" ", Words.splitIdentifier(identifier));
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
