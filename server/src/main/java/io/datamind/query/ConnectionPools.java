package io.datamind.query;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.datamind.query.QueryFailedException.Category;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One small HikariCP pool per customer database, created on first use and closed when idle. Pools share nothing but
 * a housekeeping scheduler, so a hung database exhausts only its own few connections, and borrowing waits at most the
 * connect timeout. A pool whose connection details changed (another fingerprint) is replaced at once and closed when
 * its last borrowed connection comes back.
 */
final class ConnectionPools implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConnectionPools.class);

    private static final SQLExceptionOverride KEEP_ON_REFUSED_FEATURE = new SQLExceptionOverride() {
        @java.lang.Override
        public SQLExceptionOverride.Override adjudicate(SQLException e) {
            return "0A000".equals(e.getSQLState())
                    ? SQLExceptionOverride.Override.DO_NOT_EVICT
                    : SQLExceptionOverride.Override.CONTINUE_EVICT;
        }
    };

    private final QueryProperties config;
    private final DriverConnector connector;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService closer;
    private final ThreadFactory threadFactory;
    private final Map<UUID, Pool> pools = new HashMap<>();
    private final List<Pool> retired = new ArrayList<>();
    private boolean closed;

    ConnectionPools(
            QueryProperties config,
            DriverConnector connector,
            ScheduledExecutorService scheduler,
            ExecutorService closer,
            ThreadFactory threadFactory) {
        this.config = config;
        this.connector = connector;
        this.scheduler = scheduler;
        this.closer = closer;
        this.threadFactory = threadFactory;
        long sweepMillis = Math.max(
                100,
                Math.min(
                        config.poolIdleTimeout().toMillis() / 2,
                        Duration.ofSeconds(30).toMillis()));
        scheduler.scheduleWithFixedDelay(this::closeIdle, sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
    }

    /** A pooled connection, read-only, auto-commit off where the database has transactions. */
    Lease lease(DataSourceTarget target) {
        connector.check(target);
        Pool pool = reserve(target);
        try {
            return new Lease(pool, pool.dataSource.getConnection());
        } catch (SQLException e) {
            release(pool);
            throw borrowFailure(e, pool, target);
        }
    }

    private synchronized Pool reserve(DataSourceTarget target) {
        if (closed) {
            throw new QueryFailedException(Category.LIMIT, "DataMind is shutting down");
        }
        Pool pool = pools.get(target.connectionId());
        if (pool != null && !pool.fingerprint.equals(target.fingerprint())) {
            pools.remove(target.connectionId());
            retire(pool);
            pool = null;
        }
        if (pool == null) {
            if (pools.size() >= config.maxPools() && !closeLeastRecentlyUsedIdle()) {
                throw new QueryFailedException(
                        Category.LIMIT,
                        "DataMind has " + config.maxPools() + " data sources in use at once; try again shortly");
            }
            pool = create(target);
            pools.put(target.connectionId(), pool);
        }
        pool.borrowed++;
        pool.lastUsed = System.nanoTime();
        return pool;
    }

    private synchronized void release(Pool pool) {
        pool.borrowed--;
        pool.lastUsed = System.nanoTime();
        if (pool.retired && pool.borrowed == 0) {
            retired.remove(pool);
            closeLater(pool);
        }
    }

    private void retire(Pool pool) {
        pool.retired = true;
        if (pool.borrowed == 0) {
            closeLater(pool);
        } else {
            retired.add(pool);
        }
    }

    private boolean closeLeastRecentlyUsedIdle() {
        Pool oldest = null;
        for (Pool pool : pools.values()) {
            if (pool.borrowed == 0 && (oldest == null || pool.lastUsed < oldest.lastUsed)) {
                oldest = pool;
            }
        }
        if (oldest == null) {
            return false;
        }
        pools.remove(oldest.connectionId);
        closeLater(oldest);
        return true;
    }

    /** Closes a connection's pool now, or when its borrowed connections come back. */
    synchronized void close(UUID connectionId) {
        Pool pool = pools.remove(connectionId);
        if (pool != null) {
            retire(pool);
        }
    }

    synchronized void closeIdle() {
        long now = System.nanoTime();
        long idleNanos = config.poolIdleTimeout().toNanos();
        pools.values().removeIf(pool -> {
            boolean idle = pool.borrowed == 0 && now - pool.lastUsed >= idleNanos;
            if (idle) {
                closeLater(pool);
            }
            return idle;
        });
    }

    synchronized boolean hasPool(UUID connectionId) {
        return pools.containsKey(connectionId);
    }

    synchronized int openPools() {
        return pools.size();
    }

    private Pool create(DataSourceTarget target) {
        VendorRules rules = VendorRules.of(target.type());
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("datamind-query-" + target.connectionId().toString().substring(0, 8));
        hikari.setDataSource(connector.dataSource(target));
        hikari.setMaximumPoolSize(config.poolSize());
        hikari.setMinimumIdle(0);
        long connectMillis = Math.max(250, config.connectTimeout().toMillis());
        hikari.setConnectionTimeout(connectMillis);
        hikari.setValidationTimeout(Math.max(250, Math.min(connectMillis, 5000)));
        long idleMillis = Math.max(10_000, config.poolIdleTimeout().toMillis());
        hikari.setIdleTimeout(idleMillis);
        hikari.setMaxLifetime(Math.max(Duration.ofMinutes(30).toMillis(), idleMillis + 60_000));
        hikari.setKeepaliveTime(0);
        // Never connect while creating the pool: the first borrower connects, bounded by the connect timeout.
        hikari.setInitializationFailTimeout(-1);
        hikari.setAutoCommit(!rules.transactional());
        hikari.setReadOnly(rules.supportsReadOnlyFlag());
        hikari.setScheduledExecutor(scheduler);
        hikari.setThreadFactory(threadFactory);
        hikari.setRegisterMbeans(false);
        // PostgreSQL answers some refused queries with "feature not supported" (0A000), which Hikari would otherwise
        // take for a broken connection and replace.
        hikari.setExceptionOverride(KEEP_ON_REFUSED_FEATURE);
        return new Pool(target.connectionId(), target.fingerprint(), new HikariDataSource(hikari));
    }

    private QueryFailedException borrowFailure(SQLException e, Pool pool, DataSourceTarget target) {
        Throwable cause = e.getCause();
        if (cause instanceof QueryFailedException failure) {
            return failure;
        }
        if (cause instanceof SQLException connectFailure) {
            return QueryErrors.connecting(connectFailure, target);
        }
        if (e instanceof SQLTransientConnectionException) {
            return new QueryFailedException(
                    Category.LIMIT,
                    "All " + config.poolSize()
                            + " connections to this database are busy; try again when a running query has finished",
                    e);
        }
        return QueryErrors.connecting(e, target);
    }

    private void closeLater(Pool pool) {
        try {
            closer.execute(() -> closeNow(pool));
        } catch (RuntimeException e) {
            closeNow(pool);
        }
    }

    private static void closeNow(Pool pool) {
        try {
            pool.dataSource.close();
        } catch (RuntimeException e) {
            log.warn("Closing the pool of connection {} failed: {}", pool.connectionId, e.toString());
        }
    }

    @Override
    public void close() {
        List<Pool> toClose;
        synchronized (this) {
            closed = true;
            toClose = new ArrayList<>(pools.values());
            toClose.addAll(retired);
            pools.clear();
            retired.clear();
        }
        toClose.forEach(ConnectionPools::closeNow);
    }

    private static final class Pool {
        final UUID connectionId;
        final String fingerprint;
        final HikariDataSource dataSource;
        int borrowed;
        long lastUsed = System.nanoTime();
        boolean retired;

        Pool(UUID connectionId, String fingerprint, HikariDataSource dataSource) {
            this.connectionId = connectionId;
            this.fingerprint = fingerprint;
            this.dataSource = dataSource;
        }
    }

    /** A borrowed connection; closing it returns the connection and lets an idle or replaced pool close. */
    final class Lease implements AutoCloseable {

        private final Pool pool;
        private final Connection connection;

        private Lease(Pool pool, Connection connection) {
            this.pool = pool;
            this.connection = connection;
        }

        Connection connection() {
            return connection;
        }

        @Override
        public void close() {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("Returning a connection to pool {} failed: {}", pool.connectionId, e.toString());
            } finally {
                release(pool);
            }
        }
    }
}
