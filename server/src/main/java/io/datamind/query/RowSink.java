package io.datamind.query;

import java.io.IOException;
import java.util.List;

/**
 * Receives a streamed result row by row, on the thread that called the runner, while the database cursor is open. An
 * {@link IOException} (the client went away) stops the query and reaches the caller as an
 * {@link java.io.UncheckedIOException}.
 */
public interface RowSink {

    /** Called once, before any row. */
    void columns(List<ResultColumn> columns) throws IOException;

    /** One row, values converted as described in {@link QueryResult}. The list is not reused by the runner. */
    void row(List<Object> values) throws IOException;
}
