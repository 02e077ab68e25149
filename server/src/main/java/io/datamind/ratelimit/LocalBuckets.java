package io.datamind.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * Buckets in this process, bounded in number. A bucket untouched for the longest period has refilled completely,
 * so dropping it then changes nothing; under a flood of distinct callers the least recently used go first.
 */
final class LocalBuckets {

    private final Cache<String, Bucket> buckets;

    LocalBuckets(int maxBuckets, Duration idleExpiry) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfterAccess(idleExpiry)
                .build();
        // The cache loads its entry classes on first use; do that now rather than inside the first request.
        tryConsume(
                "warm-up",
                Bandwidth.builder().capacity(1).refillGreedy(1, idleExpiry).build());
        buckets.invalidateAll();
    }

    ConsumptionProbe tryConsume(String key, Bandwidth bandwidth) {
        return buckets.get(key, k -> Bucket.builder().addLimit(bandwidth).build())
                .tryConsumeAndReturnRemaining(1);
    }

    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }
}
