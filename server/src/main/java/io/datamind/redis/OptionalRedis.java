package io.datamind.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The shared Redis connection, if Redis is configured and reachable. Callers use {@link #connection()} and fall
 * back to their in-process implementation when it is empty; a down Redis is retried at most every
 * {@code retry-connect-after}, so an outage never costs each request a connect timeout.
 */
@Component
public class OptionalRedis implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OptionalRedis.class);
    private static final RedisCodec<String, byte[]> BINARY_CODEC =
            RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

    private final RedisProperties properties;
    private final Clock clock;
    private final RedisURI uri;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile StatefulRedisConnection<String, byte[]> binaryConnection;
    private CompletableFuture<StatefulRedisConnection<String, byte[]>> binaryConnecting;
    private boolean destroyed;
    private boolean binaryUnreachable;
    private volatile Instant nextAttempt = Instant.MIN;

    OptionalRedis(RedisProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.uri = properties.configured() ? createUri(properties) : null;
        this.client = uri != null ? createClient(uri, properties) : null;
    }

    private static RedisURI createUri(RedisProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.commandTimeout());
        return uri;
    }

    private static RedisClient createClient(RedisURI uri, RedisProperties properties) {
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(properties.commandTimeout().multipliedBy(4))
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    public boolean configured() {
        return client != null;
    }

    /** The longest a single Redis command may take before callers should fall back. */
    public Duration commandTimeout() {
        return properties.commandTimeout();
    }

    /** The open connection, or empty when Redis is not configured or currently unreachable. */
    public Optional<StatefulRedisConnection<String, String>> connection() {
        if (client == null) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, String> current = connection;
        if (current != null && current.isOpen()) {
            return Optional.of(current);
        }
        return reconnect();
    }

    private synchronized Optional<StatefulRedisConnection<String, String>> reconnect() {
        if (connection != null && connection.isOpen()) {
            return Optional.of(connection);
        }
        Instant now = clock.instant();
        if (now.isBefore(nextAttempt)) {
            return Optional.empty();
        }
        try {
            if (connection != null) {
                connection.closeAsync();
            }
            connection = client.connect();
            return Optional.of(connection);
        } catch (RuntimeException e) {
            nextAttempt = now.plus(properties.retryConnectAfter());
            log.warn("Redis at {} is unreachable ({}); using in-process fallbacks", redactedUrl(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * A second connection whose values are raw bytes, for libraries that keep binary state in Redis (rate-limit
     * buckets). Unlike {@link #connection()} it never blocks a request for longer than the command timeout: a
     * connect that takes longer finishes in the background, and a failed one is retried at most every
     * {@code retry-connect-after} (the same back-off as the text connection).
     */
    public Optional<StatefulRedisConnection<String, byte[]>> binaryConnection() {
        if (client == null) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, byte[]> current = binaryConnection;
        if (current != null && current.isOpen()) {
            return Optional.of(current);
        }
        CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt = startBinaryConnect();
        if (attempt == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempt.get(properties.commandTimeout().toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private synchronized CompletableFuture<StatefulRedisConnection<String, byte[]>> startBinaryConnect() {
        if (binaryConnection != null && binaryConnection.isOpen()) {
            return CompletableFuture.completedFuture(binaryConnection);
        }
        if (binaryConnecting != null) {
            return binaryConnecting;
        }
        if (destroyed || clock.instant().isBefore(nextAttempt)) {
            return null;
        }
        if (binaryConnection != null) {
            binaryConnection.closeAsync();
            binaryConnection = null;
        }
        CompletableFuture<StatefulRedisConnection<String, byte[]>> attempt =
                client.connectAsync(BINARY_CODEC, uri).toCompletableFuture();
        binaryConnecting = attempt;
        attempt.whenComplete(this::binaryConnectFinished);
        return attempt;
    }

    private synchronized void binaryConnectFinished(StatefulRedisConnection<String, byte[]> opened, Throwable error) {
        binaryConnecting = null;
        if (error != null) {
            nextAttempt = clock.instant().plus(properties.retryConnectAfter());
            // Once per outage, not once per retry: the retries of a long outage would flood the log.
            if (!binaryUnreachable) {
                log.warn(
                        "Redis at {} is unreachable ({}); using in-process fallbacks",
                        redactedUrl(),
                        error.getMessage());
            }
            binaryUnreachable = true;
        } else if (destroyed) {
            opened.closeAsync();
        } else {
            if (binaryUnreachable) {
                log.info("Redis at {} is reachable again", redactedUrl());
            }
            binaryUnreachable = false;
            binaryConnection = opened;
        }
    }

    /** Round-trip time of a PING in milliseconds; throws when Redis does not answer in time. */
    public long ping() throws Exception {
        StatefulRedisConnection<String, String> current =
                connection().orElseThrow(() -> new IllegalStateException("Redis is unreachable"));
        long started = System.nanoTime();
        current.async().ping().get(properties.commandTimeout().toMillis() * 10, TimeUnit.MILLISECONDS);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private String redactedUrl() {
        return properties.url().replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void destroy() {
        synchronized (this) {
            destroyed = true;
        }
        if (connection != null) {
            connection.close();
        }
        if (binaryConnection != null) {
            binaryConnection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
