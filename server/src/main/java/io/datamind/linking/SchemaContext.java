package io.datamind.linking;

import io.datamind.schema.TableInfo;
import java.util.List;

/**
 * The schema a model sees for one question.
 *
 * @param tables the chosen tables, each with only its chosen columns
 * @param text the tables rendered for a prompt: names, types, keys, comments and sample values
 * @param tokens the rendering's size, estimated as characters / 4
 */
public record SchemaContext(List<TableInfo> tables, String text, int tokens) {

    public SchemaContext {
        tables = List.copyOf(tables);
    }
}
