package io.datamind.offline;

import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.Edge;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A small query plan: what the parser understood, before it is written in a dialect. */
final class Plan {

    enum Agg {
        NONE,
        COUNT,
        SUM,
        AVG,
        MIN,
        MAX
    }

    /**
     * Time buckets for grouping by a date column. The calendar ones carry their year (2024-03, 2024-Q1); within one
     * year the month or quarter of the year is enough. Relative periods use only the calendar ones as units.
     */
    enum Bucket {
        DAY,
        WEEK,
        MONTH,
        QUARTER,
        YEAR,
        MONTH_OF_YEAR,
        QUARTER_OF_YEAR;

        /** The bucket within one year, for a query already limited to a single year. */
        Bucket withinYear() {
            return this == MONTH ? MONTH_OF_YEAR : this == QUARTER ? QUARTER_OF_YEAR : this;
        }
    }

    /** A column (or *), perhaps aggregated or bucketed. */
    record Expr(Agg agg, ColumnEntry column, boolean distinct, Bucket bucket) {

        static Expr col(ColumnEntry c) {
            return new Expr(Agg.NONE, c, false, null);
        }

        static Expr agg(Agg agg, ColumnEntry c) {
            return new Expr(agg, c, false, null);
        }

        static Expr countAll() {
            return new Expr(Agg.COUNT, null, false, null);
        }

        static Expr countDistinct(ColumnEntry c) {
            return new Expr(Agg.COUNT, c, true, null);
        }

        static Expr bucket(ColumnEntry c, Bucket b) {
            return new Expr(Agg.NONE, c, false, b);
        }

        boolean aggregated() {
            return agg != Agg.NONE;
        }
    }

    /** The right side of a comparison. */
    sealed interface Operand {}

    /** A literal; numeric ones are written bare, others quoted. */
    record Literal(String text, boolean numeric) implements Operand {}

    /** A scalar subquery, e.g. the average over the same rows. */
    record Scalar(Plan plan) implements Operand {}

    sealed interface Cond {}

    record Compare(Expr left, String op, Operand right) implements Cond {}

    record Between(Expr left, Operand low, Operand high) implements Cond {}

    record InList(Expr left, boolean negated, List<Operand> values) implements Cond {}

    record InSubquery(ColumnEntry left, boolean negated, Plan subquery) implements Cond {}

    record AnyOf(List<Cond> alternatives) implements Cond {}

    record Like(Expr left, String pattern, boolean negated) implements Cond {}

    /** A year of a date column: {@code EXTRACT(YEAR FROM c) op year}. */
    record YearIs(ColumnEntry column, String op, int year) implements Cond {}

    /** Relative periods: the last n units up to today, or the current or previous calendar unit. */
    record Period(ColumnEntry column, Kind kind, int amount, Bucket unit) implements Cond {
        enum Kind {
            LAST_N,
            THIS,
            PREVIOUS
        }
    }

    record Order(Expr expr, boolean descending) {}

    /** A join step: {@code edge} brings {@code table} into the query. */
    record Join(Edge edge, TableEntry table) {}

    final List<Expr> select = new ArrayList<>();
    boolean distinct;
    boolean star;
    TableEntry root;
    final Set<TableEntry> tables = new LinkedHashSet<>();
    final List<Join> joins = new ArrayList<>();
    final List<Cond> where = new ArrayList<>();
    final List<Expr> groupBy = new ArrayList<>();
    final List<Cond> having = new ArrayList<>();
    final List<Order> orderBy = new ArrayList<>();
    Integer limit;
    String setOperator;
    Plan setRight;

    boolean hasAggregate() {
        return select.stream().anyMatch(Expr::aggregated);
    }

    /** A copy sharing columns and tables but with its own clause lists. */
    Plan copy() {
        Plan p = new Plan();
        p.select.addAll(select);
        p.distinct = distinct;
        p.star = star;
        p.root = root;
        p.tables.addAll(tables);
        p.joins.addAll(joins);
        p.where.addAll(where);
        p.groupBy.addAll(groupBy);
        p.having.addAll(having);
        p.orderBy.addAll(orderBy);
        p.limit = limit;
        return p;
    }
}
