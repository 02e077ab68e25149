package io.datamind.auth;

import io.datamind.redis.OptionalRedis;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Which access tokens are revoked: by id (logout) or by session family (logout, password change, refresh-token
 * reuse, member removal). The database is the source of truth and is written first. With Redis configured, every
 * revocation is also cached there with a time-to-live equal to the longest remaining life of a token it concerns,
 * and checks read Redis only.
 *
 * <p>Redis is trusted only while it is known to hold every revocation: a marker key is set after all live
 * revocations have been copied from the database. A missing marker (Redis restarted or flushed), a failed write (a
 * revocation made while Redis was down) or an unreachable Redis makes checks read the database until a background
 * copy restores the marker. So no revoked token is accepted and no request fails because of Redis.
 */
@Component
class RevocationStore implements DisposableBean {

    static final String SYNCED_MARKER = "datamind:auth:revocations:synced";
    private static final String JTI_PREFIX = "datamind:auth:revoked:jti:";
    private static final String FAMILY_PREFIX = "datamind:auth:revoked:family:";
    private static final Logger log = LoggerFactory.getLogger(RevocationStore.class);

    private final SessionRepository sessions;
    private final OptionalRedis redis;
    private final Duration familyCacheTtl;
    private final Clock clock = Clock.systemUTC();
    private final ExecutorService copier = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "revocation-cache-copy");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean copyScheduled = new AtomicBoolean();
    // Redis is trusted when the last complete copy started after the last failed write.
    private final AtomicLong dirty = new AtomicLong(1);
    private volatile long synced = 0;

    RevocationStore(SessionRepository sessions, OptionalRedis redis, SecurityProperties properties) {
        this.sessions = sessions;
        this.redis = redis;
        // An access token of a revoked family was issued before the revocation, so it expires within one lifetime.
        this.familyCacheTtl = properties.accessTokenTtl().plus(properties.clockSkew());
    }

    static String jtiKey(UUID jti) {
        return JTI_PREFIX + jti;
    }

    static String familyKey(UUID familyId) {
        return FAMILY_PREFIX + familyId;
    }

    boolean isRevoked(UUID jti, UUID familyId) {
        return fromRedis(jti, familyId).orElseGet(() -> sessions.isRevoked(jti, familyId));
    }

    void revokeToken(UUID jti, UUID orgId, UUID userId, Instant expiresAt) {
        Instant now = clock.instant();
        sessions.insertRevokedToken(jti, orgId, userId, expiresAt, now);
        cache(Map.of(jtiKey(jti), Duration.between(now, expiresAt)));
    }

    /** Revokes one session family; false when it already was revoked. */
    boolean revokeFamily(UUID familyId, String reason) {
        boolean revoked = sessions.revokeFamily(familyId, reason, clock.instant());
        cache(Map.of(familyKey(familyId), familyCacheTtl));
        return revoked;
    }

    /** Revokes every live session of the user except {@code keep} (may be null); returns how many. */
    int revokeFamiliesOf(UUID userId, UUID keep, String reason) {
        int count = 0;
        for (UUID familyId : sessions.liveFamiliesOf(userId)) {
            if (!familyId.equals(keep) && revokeFamily(familyId, reason)) {
                count++;
            }
        }
        return count;
    }

    private Optional<Boolean> fromRedis(UUID jti, UUID familyId) {
        if (!redis.configured()) {
            return Optional.empty();
        }
        if (synced < dirty.get()) {
            scheduleCopy();
            return Optional.empty();
        }
        Optional<StatefulRedisConnection<String, String>> connection = redis.connection();
        if (connection.isEmpty()) {
            return Optional.empty();
        }
        try {
            List<KeyValue<String, String>> values =
                    connection.get().sync().mget(SYNCED_MARKER, jtiKey(jti), familyKey(familyId));
            if (!values.get(0).hasValue()) {
                markDirty();
                return Optional.empty();
            }
            return Optional.of(values.get(1).hasValue() || values.get(2).hasValue());
        } catch (RuntimeException e) {
            log.debug("Revocation check fell back to the database: {}", e.toString());
            return Optional.empty();
        }
    }

    private void cache(Map<String, Duration> entries) {
        if (!redis.configured()) {
            return;
        }
        Optional<StatefulRedisConnection<String, String>> connection = redis.connection();
        if (connection.isEmpty()) {
            markDirty();
            return;
        }
        try {
            RedisAsyncCommands<String, String> commands = connection.get().async();
            List<RedisFuture<String>> writes = new ArrayList<>();
            entries.forEach((key, ttl) -> writes.add(commands.set(key, "1", SetArgs.Builder.px(millis(ttl)))));
            if (!LettuceFutures.awaitAll(Duration.ofSeconds(1), writes.toArray(new RedisFuture[0]))) {
                markDirty();
            }
        } catch (RuntimeException e) {
            log.warn(
                    "Could not cache a revocation in Redis ({}); checks use the database until it is copied",
                    e.toString());
            markDirty();
        }
    }

    private void markDirty() {
        dirty.incrementAndGet();
        scheduleCopy();
    }

    @EventListener(ApplicationReadyEvent.class)
    void copyOnStart() {
        if (redis.configured()) {
            scheduleCopy();
        }
    }

    private void scheduleCopy() {
        if (copyScheduled.compareAndSet(false, true)) {
            try {
                copier.execute(() -> {
                    try {
                        copyToRedis();
                    } finally {
                        copyScheduled.set(false);
                    }
                });
            } catch (RuntimeException rejected) {
                copyScheduled.set(false);
            }
        }
    }

    /** Copies every revocation that still matters from the database to Redis, then sets the marker. */
    void copyToRedis() {
        long target = dirty.get();
        Optional<StatefulRedisConnection<String, String>> connection = redis.connection();
        if (connection.isEmpty()) {
            return;
        }
        try {
            Instant now = clock.instant();
            RedisAsyncCommands<String, String> commands = connection.get().async();
            List<RedisFuture<String>> writes = new ArrayList<>();
            for (SessionRepository.Revoked token : sessions.revokedTokensExpiringAfter(now)) {
                writes.add(commands.set(
                        jtiKey(token.id()), "1", SetArgs.Builder.px(millis(Duration.between(now, token.at())))));
            }
            for (SessionRepository.Revoked family : sessions.familiesRevokedAfter(now.minus(familyCacheTtl))) {
                Duration left = Duration.between(now, family.at().plus(familyCacheTtl));
                writes.add(commands.set(familyKey(family.id()), "1", SetArgs.Builder.px(millis(left))));
            }
            if (!LettuceFutures.awaitAll(Duration.ofSeconds(10), writes.toArray(new RedisFuture[0]))) {
                return;
            }
            for (RedisFuture<String> write : writes) {
                write.get(0, TimeUnit.MILLISECONDS);
            }
            commands.set(SYNCED_MARKER, "1").get(1, TimeUnit.SECONDS);
            synced = Math.max(synced, target);
            log.debug("Copied {} revocations to Redis", writes.size());
        } catch (Exception e) {
            log.warn("Could not copy revocations to Redis ({}); checks keep using the database", e.toString());
        }
    }

    private static long millis(Duration ttl) {
        return Math.max(1, ttl.toMillis());
    }

    @Override
    public void destroy() {
        copier.shutdownNow();
    }
}
