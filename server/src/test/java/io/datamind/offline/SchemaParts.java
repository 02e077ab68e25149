package io.datamind.offline;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.ForeignKey;
import java.util.List;

/** Columns and keys of the small schemas the engine tests build, as discovery would report them. */
final class SchemaParts {

    private SchemaParts() {}

    static ColumnInfo integer(String name, int position) {
        return new ColumnInfo(name, "INTEGER", "integer", false, position, null, List.of());
    }

    static ColumnInfo number(String name, int position) {
        return new ColumnInfo(name, "DECIMAL(10,2)", "number", true, position, null, List.of());
    }

    static ColumnInfo date(String name, int position) {
        return new ColumnInfo(name, "DATE", "date", true, position, null, List.of());
    }

    static ColumnInfo text(String name, int position, List<String> samples) {
        return new ColumnInfo(name, "VARCHAR(100)", "text", true, position, null, samples);
    }

    static ForeignKey fk(String column, String table, String target) {
        return new ForeignKey(null, List.of(column), null, table, List.of(target));
    }
}
