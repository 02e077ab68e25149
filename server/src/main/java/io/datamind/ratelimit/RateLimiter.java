package io.datamind.ratelimit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts a request against its group's bucket for one caller: in Redis when configured, else in process. When
 * Redis fails, strict groups use the in-process bucket and the others are let through uncounted.
 */
final class RateLimiter {

    private final Map<RouteGroup, Bucket> buckets = new EnumMap<>(RouteGroup.class);
    private final String redisKeyPrefix;
    private final LocalBuckets local;
    private final RedisBuckets redis;
    private final RedisFallbacks fallbacks;

    /** @param redis null when Redis is not configured */
    RateLimiter(RateLimitProperties properties, LocalBuckets local, RedisBuckets redis, RedisFallbacks fallbacks) {
        this.redisKeyPrefix = properties.redisKeyPrefix();
        this.local = local;
        this.redis = redis;
        this.fallbacks = fallbacks;
        for (RouteGroup group : RouteGroup.values()) {
            RateLimitProperties.Limit limit = properties.limit(group);
            Bandwidth bandwidth = Bandwidth.builder()
                    .capacity(limit.requests())
                    .refillGreedy(limit.requests(), limit.period())
                    .build();
            // The limit is part of the Redis key, so a changed limit takes effect at once instead of when the
            // buckets made under the old one expire.
            String redisKey = redisKeyPrefix + group.key() + ":" + limit.requests() + "per"
                    + limit.period().toMillis() + "ms:";
            buckets.put(
                    group,
                    new Bucket(
                            limit.requests(),
                            bandwidth,
                            BucketConfiguration.builder().addLimit(bandwidth).build(),
                            redisKey));
        }
        if (redis != null) {
            redis.warmUp(redisKeyPrefix + "warm-up");
        }
    }

    /** @param caller {@code user:<name>} or {@code ip:<address>} */
    Decision tryAcquire(RouteGroup group, String caller) {
        Bucket bucket = buckets.get(group);
        if (redis == null) {
            return Decision.of(local.tryConsume(group.key() + ":" + caller, bucket.bandwidth()), bucket.limit());
        }
        try {
            return Decision.of(redis.tryConsume(bucket.redisKey() + caller, bucket.configuration()), bucket.limit());
        } catch (RedisUnavailable e) {
            fallbacks.record(group, e);
            if (group.strict()) {
                return Decision.of(local.tryConsume(group.key() + ":" + caller, bucket.bandwidth()), bucket.limit());
            }
            return Decision.uncounted();
        }
    }

    private record Bucket(long limit, Bandwidth bandwidth, BucketConfiguration configuration, String redisKey) {}
}
