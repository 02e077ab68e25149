package io.datamind.query;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param defaultMaxRows rows a query returns when the caller does not ask for another limit
 * @param maxRows the most rows a caller may ask for (the SQL editor's {@code limit}); the byte limit still applies
 * @param maxBytes estimated result size (JSON) a query returns by default before it is truncated
 * @param defaultTimeout time limit of a query when the caller does not ask for another
 * @param maxTimeout the longest time limit any caller may ask for; also the ceiling set on every session
 * @param poolSize connections at most per customer database
 * @param poolIdleTimeout a customer database's pool is closed after this long unused
 * @param connectTimeout longest wait to open a connection or to borrow one from a busy pool
 * @param maxPools customer databases with an open pool at most; the least recently used idle pool makes room
 */
@ConfigurationProperties("datamind.query")
record QueryProperties(
        @DefaultValue("10000") int defaultMaxRows,
        @DefaultValue("1000000") int maxRows,
        @DefaultValue("64MB") DataSize maxBytes,
        @DefaultValue("30s") Duration defaultTimeout,
        @DefaultValue("300s") Duration maxTimeout,
        @DefaultValue("3") int poolSize,
        @DefaultValue("10m") Duration poolIdleTimeout,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("50") int maxPools) {

    QueryProperties {
        if (defaultMaxRows < 1 || poolSize < 1 || maxPools < 1) {
            throw new IllegalArgumentException(
                    "datamind.query.default-max-rows, pool-size and max-pools must be at least 1");
        }
        if (maxRows < defaultMaxRows) {
            throw new IllegalArgumentException("datamind.query.max-rows must not be below default-max-rows");
        }
        if (maxTimeout.compareTo(defaultTimeout) < 0) {
            throw new IllegalArgumentException("datamind.query.max-timeout must not be shorter than default-timeout");
        }
    }

    static QueryProperties defaults() {
        return new QueryProperties(
                10_000,
                1_000_000,
                DataSize.ofMegabytes(64),
                Duration.ofSeconds(30),
                Duration.ofSeconds(300),
                3,
                Duration.ofMinutes(10),
                Duration.ofSeconds(5),
                50);
    }

    QueryLimits defaultLimits() {
        return new QueryLimits(defaultMaxRows, maxBytes.toBytes(), defaultTimeout);
    }
}
