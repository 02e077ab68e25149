package io.datamind.datasource;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One organization word.
 *
 * @param term the word or phrase people use in questions
 * @param meaning what it means in the schema: a table ({@code customers}), a column ({@code orders.total}) or the
 *     schema's own word for it ({@code customer})
 */
record GlossaryTerm(
        @Schema(example = "clients", maxLength = Glossary.MAX_TERM)
        String term,

        @Schema(example = "customers", maxLength = Glossary.MAX_MEANING)
        String meaning) {}
