package io.datamind.upload;

import java.util.Locale;

/** The types an uploaded column can get, from the narrowest to text, which holds anything. */
enum ColumnType {
    BOOLEAN,
    INTEGER,
    DECIMAL,
    DATE,
    TIMESTAMP,
    TEXT;

    /** The name in the API's load report. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
