package io.datamind.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/** The {@link QueryRunner}: pooled connections, read-only sessions, limits, cancel. */
@Component
class PooledQueryRunner implements QueryRunner, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PooledQueryRunner.class);
    private static final long ROW_OVERHEAD = 2;

    private final QueryProperties config;
    private final DriverConnector connector;
    private final ScheduledThreadPoolExecutor scheduler;
    private final ThreadPoolExecutor background;
    private final ConnectionPools pools;
    private final RunningQueries queries;
    private final ConnectionTester tester;

    PooledQueryRunner(QueryProperties config) {
        this.config = config;
        this.connector = new DriverConnector(config);
        ThreadFactory threads = daemonThreads("datamind-query");
        // Shared by every pool's housekeeping, the idle sweep and the query watchdogs: a fixed number of threads
        // however many databases are connected.
        this.scheduler = new ScheduledThreadPoolExecutor(2, daemonThreads("datamind-query-timer"));
        this.scheduler.setRemoveOnCancelPolicy(true);
        // Cancels and pool closing may block on the network, so they run here, never on the timer threads.
        this.background = new ThreadPoolExecutor(
                4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), daemonThreads("datamind-query-cancel"));
        this.background.allowCoreThreadTimeOut(true);
        this.pools = new ConnectionPools(config, connector, scheduler, background, threads);
        this.queries = new RunningQueries(scheduler, background);
        this.tester = new ConnectionTester(config, connector);
    }

    @Override
    public QueryLimits defaultLimits() {
        return config.defaultLimits();
    }

    @Override
    public int maxRows() {
        return config.maxRows();
    }

    @Override
    public QueryResult execute(DataSourceTarget target, String sql, QueryLimits limits, String queryId) {
        List<List<Object>> rows = new ArrayList<>();
        QuerySummary summary = run(target, sql, limits, queryId, new RowSink() {
            @Override
            public void columns(List<ResultColumn> columns) {
                // The summary carries them.
            }

            @Override
            public void row(List<Object> values) {
                rows.add(values);
            }
        });
        return new QueryResult(summary.columns(), rows, summary.rowCount(), summary.truncated(), summary.durationMs());
    }

    @Override
    public QuerySummary execute(DataSourceTarget target, String sql, QueryLimits limits, RowSink sink, String queryId) {
        return run(target, sql, limits, queryId, sink);
    }

    @Override
    public boolean cancel(UUID orgId, String queryId) {
        return queries.cancel(orgId, queryId);
    }

    @Override
    public <T> T withConnection(DataSourceTarget target, ConnectionCallback<T> callback) {
        VendorRules rules = VendorRules.of(target.type());
        RunningQuery query = queries.start(target.orgId(), null, config.maxTimeout());
        try (ConnectionPools.Lease lease = pools.lease(target)) {
            Connection connection = lease.connection();
            try {
                rules.beforeQuery(connection, config.maxTimeout());
                return callback.doWith(connection);
            } catch (SQLException e) {
                throw QueryErrors.duringQuery(e, target, query, 0);
            } finally {
                queries.finish(query);
                rollbackQuietly(connection, rules);
            }
        } finally {
            queries.finish(query);
        }
    }

    @Override
    public void closePool(UUID connectionId) {
        pools.close(connectionId);
    }

    @Override
    public ConnectionProbe test(DataSourceTarget target) {
        return tester.test(target);
    }

    private QuerySummary run(DataSourceTarget target, String sql, QueryLimits limits, String queryId, RowSink sink) {
        long started = System.nanoTime();
        VendorRules rules = VendorRules.of(target.type());
        String statement = StatementShape.statementBody(target.type(), sql);
        Duration timeout = limits.timeout().compareTo(config.maxTimeout()) > 0 ? config.maxTimeout() : limits.timeout();
        int rowsWanted = limits.maxRows() == Integer.MAX_VALUE ? Integer.MAX_VALUE : limits.maxRows() + 1;
        RunningQuery query = queries.start(target.orgId(), queryId, timeout);
        try {
            query.throwIfStopped();
            try (ConnectionPools.Lease lease = pools.lease(target)) {
                Connection connection = lease.connection();
                try {
                    query.throwIfStopped();
                    rules.beforeQuery(connection, timeout);
                    try (VendorRules.Cursor cursor = rules.open(connection, statement, rowsWanted, query)) {
                        return read(cursor, target.type(), limits, query, sink, started);
                    }
                } catch (SQLException e) {
                    throw QueryErrors.duringQuery(e, target, query, rules.sqlOffset());
                } finally {
                    // Before the connection goes back: no cancel may reach it once someone else uses it.
                    queries.finish(query);
                    rollbackQuietly(connection, rules);
                }
            }
        } finally {
            queries.finish(query);
        }
    }

    private QuerySummary read(
            VendorRules.Cursor cursor,
            DatabaseType type,
            QueryLimits limits,
            RunningQuery query,
            RowSink sink,
            long started)
            throws SQLException {
        ResultSet rs = cursor.next(-1);
        Columns columns = Columns.of(rs.getMetaData(), type);
        Columns.Reader[] readers = columns.readers;
        int width = readers.length;
        long bytes = 0;
        long rows = 0;
        boolean truncated = false;
        try {
            sink.columns(columns.columns);
            chunks:
            while (rs != null) {
                int inChunk = 0;
                while (rs.next()) {
                    inChunk++;
                    if (rows >= limits.maxRows()) {
                        truncated = true;
                        break chunks;
                    }
                    if (query.stopRequested()) {
                        query.throwIfStopped();
                    }
                    Object[] values = new Object[width];
                    long size = ROW_OVERHEAD + width;
                    for (int i = 0; i < width; i++) {
                        Object value = readers[i].read(rs);
                        values[i] = value;
                        size += Values.jsonSize(value);
                    }
                    if (bytes + size > limits.maxBytes()) {
                        truncated = true;
                        cursor.abandon();
                        break chunks;
                    }
                    bytes += size;
                    rows++;
                    sink.row(Arrays.asList(values));
                }
                query.throwIfStopped();
                rs = cursor.next(inChunk);
            }
        } catch (IOException e) {
            cursor.abandon();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            cursor.abandon();
            throw e;
        }
        long durationMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return new QuerySummary(columns.columns, rows, truncated, durationMs);
    }

    private static void rollbackQuietly(Connection connection, VendorRules rules) {
        if (!rules.transactional()) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            // A broken connection: the pool notices and replaces it.
            log.debug("Rollback failed: {}", e.toString());
        }
    }

    /** Open pools, for tests. */
    boolean hasPool(UUID connectionId) {
        return pools.hasPool(connectionId);
    }

    int openPools() {
        return pools.openPools();
    }

    int runningQueries() {
        return queries.running();
    }

    @Override
    public void destroy() {
        pools.close();
        scheduler.shutdownNow();
        background.shutdownNow();
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
