package io.datamind.ask;

import io.datamind.datasource.Glossaries;
import io.datamind.linking.SchemaContext;
import io.datamind.linking.SchemaSelector;
import org.springframework.stereotype.Component;

/**
 * Step 3: the part of the schema the author sees. A follow-up names little of the schema ("and by month?", "only for
 * Germany"), so the tables the conversation already read are required, and the new question's words and meaning
 * choose the rest within the token budget.
 */
@Component
class SchemaContexts {

    private final SchemaSelector selector;
    private final Glossaries glossaries;
    private final AskProperties properties;

    SchemaContexts(SchemaSelector selector, Glossaries glossaries, AskProperties properties) {
        this.selector = selector;
        this.glossaries = glossaries;
        this.properties = properties;
    }

    /** @return null for an author that reads the whole snapshot (the offline engine) */
    SchemaContext select(Question question, Conversation conversation, SqlAuthor author) {
        if (!author.usesSchemaContext()) {
            return null;
        }
        return selector.select(
                question.snapshot(),
                question.text(),
                properties.schemaTokenBudget(),
                glossaries.of(question.orgId(), question.connectionId()),
                conversation.tablesRead());
    }
}
