package io.datamind.ratelimit;

import io.datamind.redis.OptionalRedis;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.RemoteAsyncBucketBuilder;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.github.bucket4j.redis.lettuce.RedisApi;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Buckets kept in Redis, shared by every DataMind instance using it. Bucket4j updates them by compare-and-swap, so
 * instances never both spend the same token. One decision takes at most the Redis command timeout in total
 * (connecting included); after a failure Redis is left alone for {@code redis-retry-after}, so a slow Redis costs
 * one request the timeout, not every request.
 */
final class RedisBuckets {

    private static final Duration KEEP_FULL_BUCKETS = Duration.ofSeconds(10);
    private static final Duration WARM_UP = Duration.ofSeconds(1);

    private final OptionalRedis redis;
    private final RemoteAsyncBucketBuilder<String> buckets;
    private final Duration timeout;
    private final Duration retryAfterFailure;
    private final Clock clock;
    private volatile Instant suspendedUntil = Instant.MIN;

    RedisBuckets(OptionalRedis redis, Duration retryAfterFailure, Clock clock) {
        this.redis = redis;
        this.timeout = redis.commandTimeout();
        this.retryAfterFailure = retryAfterFailure;
        this.clock = clock;
        this.buckets = new Bucket4jLettuce.LettuceBasedProxyManagerBuilder<>(new CurrentConnectionApi<String>(
                        () -> redis.binaryConnection().orElseThrow(() -> new RedisUnavailable("not connected"))))
                // A key lives until its bucket would be full again (plus a margin), so Redis holds only active callers.
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL_BUCKETS))
                .requestTimeout(timeout)
                .build()
                .asAsync()
                .builder();
    }

    /**
     * Connects and runs one bucket operation before the first request, so that the first request's 50 ms are not
     * spent on connecting and class loading. Bounded; a Redis that is down now only delays startup by a moment.
     */
    void warmUp(String key) {
        long deadline = System.nanoTime() + WARM_UP.toNanos();
        while (redis.binaryConnection().isEmpty()) {
            if (System.nanoTime() > deadline) {
                return;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        BucketConfiguration oneASecond = BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(1).refillGreedy(1, Duration.ofSeconds(1)))
                .build();
        try {
            buckets.build(key, () -> CompletableFuture.completedFuture(oneASecond))
                    .tryConsumeAndReturnRemaining(1)
                    .get(WARM_UP.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            // Only a warm-up: requests find out for themselves whether Redis answers.
        }
    }

    ConsumptionProbe tryConsume(String key, BucketConfiguration configuration) {
        if (clock.instant().isBefore(suspendedUntil)) {
            throw new RedisUnavailable("a Redis call failed recently");
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (redis.binaryConnection().isEmpty()) {
            throw new RedisUnavailable("not connected");
        }
        long remaining = deadline - System.nanoTime();
        try {
            if (remaining <= 0) {
                throw new TimeoutException("connecting took the whole timeout");
            }
            CompletableFuture<ConsumptionProbe> probe = buckets.build(
                            key, () -> CompletableFuture.completedFuture(configuration))
                    .tryConsumeAndReturnRemaining(1);
            return probe.get(remaining, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedisUnavailable("interrupted", e);
        } catch (TimeoutException e) {
            throw failed("no answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException
                    || e.getCause() instanceof io.github.bucket4j.TimeoutException) {
                throw failed("no answer within " + timeout.toMillis() + " ms", e.getCause());
            }
            throw failed(describe(e.getCause()), e.getCause());
        } catch (RedisUnavailable e) {
            throw e;
        } catch (RuntimeException e) {
            throw failed(describe(e), e);
        }
    }

    private RedisUnavailable failed(String reason, Throwable cause) {
        suspendedUntil = clock.instant().plus(retryAfterFailure);
        return new RedisUnavailable(reason, cause);
    }

    private static String describe(Throwable error) {
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /**
     * Sends each command on whatever connection is open now, so a reconnect needs no new proxy manager. Generic on
     * purpose: Bucket4j passes keys as {@code Object[]}, which a {@code RedisApi<String>} bridge method would fail
     * to cast.
     */
    private static final class CurrentConnectionApi<K> implements RedisApi<K> {

        private final Supplier<StatefulRedisConnection<K, byte[]>> connection;

        CurrentConnectionApi(Supplier<StatefulRedisConnection<K, byte[]>> connection) {
            this.connection = connection;
        }

        private RedisAsyncCommands<K, byte[]> commands() {
            return connection.get().async();
        }

        @Override
        public <V> RedisFuture<V> eval(String script, ScriptOutputType type, K[] keys, byte[][] params) {
            return commands().eval(script, type, keys, params);
        }

        @Override
        public RedisFuture<byte[]> get(K key) {
            return commands().get(key);
        }

        @Override
        public RedisFuture<?> delete(K key) {
            return commands().del(key);
        }
    }
}
