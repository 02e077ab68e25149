package io.datamind.datasource;

import java.util.Map;
import java.util.UUID;

/** Organization-defined synonyms for a connection ("clients" means the customers table, say). */
public interface Glossaries {

    /** Term to what it means in the schema (a table, a column, or a value); empty when none are defined. */
    Map<String, String> of(UUID orgId, UUID connectionId);
}
