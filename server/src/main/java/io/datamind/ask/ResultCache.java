package io.datamind.ask;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.datamind.query.DataSourceTarget;
import io.datamind.query.QueryResult;
import io.datamind.query.SqlHashes;
import io.datamind.redis.OptionalRedis;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Results of the same SQL on the same connection (and the same connection details) for a short while, so asking
 * again, or a follow-up that lands on the same query, does not load the database twice. In Redis when it is
 * configured and reachable, so replicas share it; in process otherwise, or when Redis fails.
 */
@Component
class ResultCache {

    private static final Logger log = LoggerFactory.getLogger(ResultCache.class);
    private static final String PREFIX = "datamind:ask:result:";
    /** Larger results are kept in process only: Redis is shared and a value is sent whole on every read. */
    private static final int MAX_REDIS_BYTES = 1 << 20;

    private final Duration ttl;
    private final OptionalRedis redis;
    private final Cache<String, QueryResult> local;
    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    ResultCache(AskProperties properties, OptionalRedis redis) {
        this.ttl = properties.resultCacheTtl();
        this.redis = redis;
        this.local = Caffeine.newBuilder()
                .expireAfterWrite(ttl.isZero() ? Duration.ofMillis(1) : ttl)
                .maximumWeight(properties.resultCacheMaxCells())
                .<String, QueryResult>weigher((key, result) -> (int) Math.min(
                        Integer.MAX_VALUE,
                        (result.rowCount() + 1) * Math.max(1, result.columns().size())))
                .build();
    }

    boolean enabled() {
        return !ttl.isZero();
    }

    Optional<QueryResult> get(DataSourceTarget target, String sql) {
        if (!enabled()) {
            return Optional.empty();
        }
        String key = key(target, sql);
        Optional<StatefulRedisConnection<String, String>> connection = redis.connection();
        if (connection.isPresent()) {
            try {
                String value = connection.get().sync().get(key);
                if (value != null) {
                    return Optional.of(json.readValue(value, QueryResult.class));
                }
            } catch (RuntimeException e) {
                log.debug("Result cache read fell back to the process: {}", e.toString());
            }
        }
        return Optional.ofNullable(local.getIfPresent(key));
    }

    void put(DataSourceTarget target, String sql, QueryResult result) {
        if (!enabled()) {
            return;
        }
        String key = key(target, sql);
        Optional<StatefulRedisConnection<String, String>> connection = redis.connection();
        if (connection.isPresent()) {
            try {
                String value = json.writeValueAsString(result);
                if (value.getBytes(StandardCharsets.UTF_8).length <= MAX_REDIS_BYTES) {
                    connection.get().sync().set(key, value, SetArgs.Builder.px(ttl.toMillis()));
                    return;
                }
            } catch (RuntimeException e) {
                log.debug("Result cache write fell back to the process: {}", e.toString());
            }
        }
        local.put(key, result);
    }

    private static String key(DataSourceTarget target, String sql) {
        return PREFIX + target.connectionId() + ":" + SqlHashes.sha256(target.fingerprint() + "\n" + sql);
    }
}
