package io.datamind.datasource;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * A connection's glossary.
 *
 * @param updatedAt when an admin last saved it; null when it never was
 */
record Glossary(
        List<GlossaryTerm> terms,
        @Schema(accessMode = Schema.AccessMode.READ_ONLY) Instant updatedAt) {

    static final int MAX_TERMS = 500;
    static final int MAX_TERM = 100;
    static final int MAX_MEANING = 200;

    Glossary {
        terms = terms == null ? null : List.copyOf(terms);
    }
}
