package io.datamind.datasource;

import java.util.Locale;

/** The built-in connections DataMind keeps for every organization; people cannot change or delete them. */
enum ManagedKind {
    /** The generated Sample Sales database, shared read-only by all organizations. */
    SAMPLE,
    /** The organization's own DuckDB database that uploaded files are loaded into. */
    UPLOADS;

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ManagedKind fromId(String id) {
        return id == null ? null : valueOf(id.toUpperCase(Locale.ROOT));
    }
}
