package io.datamind.linking;

import io.datamind.schema.ColumnInfo;
import io.datamind.schema.SchemaSnapshot;
import io.datamind.schema.TableInfo;
import org.springframework.stereotype.Component;

// Placeholder until the lexical and embedding selector lands (this session): the whole schema, whatever its size.
@Component
class WholeSchemaSelector implements SchemaSelector {

    @Override
    public SchemaContext select(SchemaSnapshot snapshot, String question, int tokenBudget) {
        StringBuilder text = new StringBuilder();
        for (TableInfo table : snapshot.tables()) {
            text.append("TABLE ")
                    .append(table.schema() == null ? "" : table.schema() + ".")
                    .append(table.name())
                    .append(" (\n");
            for (ColumnInfo column : table.columns()) {
                text.append("  ")
                        .append(column.name())
                        .append(' ')
                        .append(column.type())
                        .append('\n');
            }
            text.append(")\n");
        }
        return new SchemaContext(snapshot.tables(), text.toString(), text.length() / 4);
    }
}
