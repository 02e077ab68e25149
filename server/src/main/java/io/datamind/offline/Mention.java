package io.datamind.offline;

import io.datamind.offline.SchemaIndex.ColumnEntry;
import io.datamind.offline.SchemaIndex.TableEntry;
import java.util.ArrayList;
import java.util.List;

/** A span of the question linked to schema things: tables, columns or sampled values it may name. */
final class Mention {

    enum Kind {
        TABLE,
        COLUMN,
        VALUE
    }

    /**
     * One reading of the span.
     *
     * @param composite the words named the table too ("customer name"), so the column's table is certain
     */
    record Cand(Kind kind, TableEntry table, ColumnEntry column, String value, double quality, boolean composite) {

        static Cand table(TableEntry t, double q) {
            return new Cand(Kind.TABLE, t, null, null, q, false);
        }

        static Cand column(ColumnEntry c, double q, boolean composite) {
            return new Cand(Kind.COLUMN, c.table, c, null, q, composite);
        }

        static Cand value(ColumnEntry c, String v, double q) {
            return new Cand(Kind.VALUE, c.table, c, v, q, false);
        }
    }

    final int start;
    final int end;
    final String text;
    final List<Cand> cands = new ArrayList<>();

    Mention(int start, int end, String text) {
        this.start = start;
        this.end = end;
        this.text = text;
    }

    double best() {
        return cands.isEmpty() ? 0 : cands.get(0).quality();
    }

    boolean has(Kind kind) {
        return cands.stream().anyMatch(c -> c.kind() == kind);
    }

    List<Cand> of(Kind kind) {
        return cands.stream().filter(c -> c.kind() == kind).toList();
    }

    Cand bestOf(Kind kind) {
        return cands.stream().filter(c -> c.kind() == kind).findFirst().orElse(null);
    }

    List<TableEntry> tables() {
        return of(Kind.TABLE).stream().map(Cand::table).toList();
    }

    @Override
    public String toString() {
        return "'" + text + "'" + cands;
    }
}
