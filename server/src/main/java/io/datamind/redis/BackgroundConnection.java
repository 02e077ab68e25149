package io.datamind.redis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.RedisCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One Redis connection that is opened asynchronously and retried with back-off, never on a caller's clock. */
final class BackgroundConnection<K, V> {

    private static final Logger log = LoggerFactory.getLogger(OptionalRedis.class);

    private final RedisClient client;
    private final RedisURI uri;
    private final RedisCodec<K, V> codec;
    private final RedisProperties properties;
    private final String displayUrl;
    private volatile StatefulRedisConnection<K, V> connection;
    private CompletableFuture<StatefulRedisConnection<K, V>> connecting;
    private Instant nextAttempt = Instant.MIN;
    private boolean unreachable;
    private boolean closed;

    BackgroundConnection(
            RedisClient client, RedisURI uri, RedisCodec<K, V> codec, RedisProperties properties, String displayUrl) {
        this.client = client;
        this.uri = uri;
        this.codec = codec;
        this.properties = properties;
        this.displayUrl = displayUrl;
    }

    /** Starts connecting now, for the first use not to pay for it. */
    void connectNow() {
        startConnect();
    }

    /** The open connection, waiting at most {@code wait} for a connect in progress. */
    Optional<StatefulRedisConnection<K, V>> get(Duration wait) {
        StatefulRedisConnection<K, V> current = connection;
        if (current != null) {
            return current.isOpen() ? Optional.of(current) : Optional.empty();
        }
        CompletableFuture<StatefulRedisConnection<K, V>> attempt = startConnect();
        if (attempt == null || wait.isZero()) {
            return Optional.empty();
        }
        try {
            return Optional.of(attempt.get(wait.toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private synchronized CompletableFuture<StatefulRedisConnection<K, V>> startConnect() {
        if (connecting != null) {
            return connecting;
        }
        if (closed || connection != null || Instant.now().isBefore(nextAttempt)) {
            return null;
        }
        CompletableFuture<StatefulRedisConnection<K, V>> attempt =
                client.connectAsync(codec, uri).toCompletableFuture();
        connecting = attempt;
        attempt.whenComplete(this::connectFinished);
        return attempt;
    }

    private synchronized void connectFinished(StatefulRedisConnection<K, V> opened, Throwable error) {
        connecting = null;
        if (error != null) {
            nextAttempt = Instant.now().plus(properties.retryConnectAfter());
            // Once per outage, not once per retry: the retries of a long outage would flood the log.
            if (!unreachable) {
                log.warn("Redis at {} is unreachable ({}); using in-process fallbacks", displayUrl, rootMessage(error));
            }
            unreachable = true;
        } else if (closed) {
            opened.closeAsync();
        } else {
            if (unreachable) {
                log.info("Redis at {} is reachable again", displayUrl);
            }
            unreachable = false;
            connection = opened;
        }
    }

    synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
