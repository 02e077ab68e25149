package io.datamind.schema;

import java.util.List;

/** A foreign key from columns of the owning table to columns of a referenced table, in matching order. */
public record ForeignKey(
        String name,
        List<String> columns,
        String referencedSchema,
        String referencedTable,
        List<String> referencedColumns) {

    public ForeignKey {
        columns = List.copyOf(columns);
        referencedColumns = List.copyOf(referencedColumns);
    }
}
