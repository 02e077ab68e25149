package io.datamind.query;

import java.util.List;

/** What a streamed query delivered: the rows themselves went to the {@link RowSink}. */
public record QuerySummary(List<ResultColumn> columns, long rowCount, boolean truncated, long durationMs) {

    public QuerySummary {
        columns = List.copyOf(columns);
    }
}
