package io.datamind.query;

import java.util.UUID;

/**
 * Runs SQL on a customer database. This is the only code in DataMind that opens such connections: chat, the SQL
 * editor, dashboards, alerts, connection tests and schema discovery all come here.
 *
 * <p>Every query runs read-only three times over (a read-only JDBC connection, a read-only session or file, and a
 * single query-shaped statement), under a time limit enforced in the database and by a JDBC cancel, and stops at the
 * row and byte limits. The SQL guard is the caller's job: check the SQL first, then pass it here.
 *
 * <p>Failures are {@link QueryFailedException}s with a message that is safe to show.
 */
public interface QueryRunner {

    /** Limits from configuration ({@code datamind.query.default-max-rows}, {@code max-bytes}, {@code default-timeout}). */
    QueryLimits defaultLimits();

    /** The most rows a caller may ask for ({@code datamind.query.max-rows}); the byte limit applies as well. */
    int maxRows();

    /** Runs a query and collects its rows (at most {@code limits.maxRows()}). */
    default QueryResult execute(DataSourceTarget target, String sql, QueryLimits limits) {
        return execute(target, sql, limits, (String) null);
    }

    /**
     * Runs a query that {@link #cancel(UUID, String)} can stop from another thread.
     *
     * @param queryId a caller-chosen id (a request id, say), unique among running queries; {@code null} for none
     */
    QueryResult execute(DataSourceTarget target, String sql, QueryLimits limits, String queryId);

    /** Runs a query and hands each row to {@code sink} as it arrives, without holding the result in memory. */
    default QuerySummary execute(DataSourceTarget target, String sql, QueryLimits limits, RowSink sink) {
        return execute(target, sql, limits, sink, null);
    }

    /** The streaming variant of {@link #execute(DataSourceTarget, String, QueryLimits, String)}. */
    QuerySummary execute(DataSourceTarget target, String sql, QueryLimits limits, RowSink sink, String queryId);

    /**
     * Stops a running query of this organization: it ends with {@link QueryFailedException.Category#CANCELLED}.
     *
     * @return whether such a query was running
     */
    boolean cancel(UUID orgId, String queryId);

    /**
     * Lends a pooled read-only connection (inside a read-only transaction where the database has one, and under the
     * maximum time limit) for schema discovery and similar catalog work.
     */
    <T> T withConnection(DataSourceTarget target, ConnectionCallback<T> callback);

    /**
     * Closes a connection's pool, at once or when its running queries end: call it when a connection is deleted, and
     * before writing to a DuckDB file the runner may have open (DuckDB allows one configuration per file and process,
     * so a writer cannot open the file while the runner holds it read-only). The next query opens a new pool.
     */
    void closePool(UUID connectionId);

    /**
     * Opens one fresh connection (no pool, so unsaved details leave nothing behind), reports the server version and
     * latency, and warns when the user can write. Never throws for connection problems: they are in the probe.
     */
    ConnectionProbe test(DataSourceTarget target);
}
