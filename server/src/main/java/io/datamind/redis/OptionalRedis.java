package io.datamind.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The shared Redis connection, if Redis is configured and reachable. Callers use {@link #connection()} and fall
 * back to their in-process implementation when it is empty. Connecting happens in the background (at start, and
 * again after a failure at most every {@code retry-connect-after}), so no request ever waits for a connect; once
 * connected, Lettuce reconnects by itself and commands fail fast while it is away.
 */
@Component
public class OptionalRedis implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OptionalRedis.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final RedisProperties properties;
    private final RedisClient client;
    private final RedisURI uri;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile CompletableFuture<StatefulRedisConnection<String, String>> connecting;
    private volatile Instant nextAttempt = Instant.MIN;

    OptionalRedis(RedisProperties properties) {
        this.properties = properties;
        if (properties.configured()) {
            this.uri = RedisURI.create(properties.url());
            this.uri.setTimeout(CONNECT_TIMEOUT);
            this.client = createClient(properties);
            connectInBackground();
        } else {
            this.uri = null;
            this.client = null;
        }
    }

    private static RedisClient createClient(RedisProperties properties) {
        RedisClient client = RedisClient.create();
        client.setOptions(ClientOptions.builder()
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled(properties.commandTimeout()))
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        return client;
    }

    public boolean configured() {
        return client != null;
    }

    /** Longest a caller should wait for one Redis command before falling back. */
    public Duration commandTimeout() {
        return properties.commandTimeout();
    }

    /** The connected connection, or empty when Redis is not configured or not reachable right now. */
    public Optional<StatefulRedisConnection<String, String>> connection() {
        if (client == null) {
            return Optional.empty();
        }
        StatefulRedisConnection<String, String> current = connection;
        if (current == null) {
            connectInBackground();
            return Optional.empty();
        }
        return current.isOpen() ? Optional.of(current) : Optional.empty();
    }

    private synchronized void connectInBackground() {
        if (connection != null || connecting != null || Instant.now().isBefore(nextAttempt)) {
            return;
        }
        CompletableFuture<StatefulRedisConnection<String, String>> attempt =
                client.connectAsync(StringCodec.UTF8, uri).toCompletableFuture();
        connecting = attempt;
        attempt.whenComplete((connected, failure) -> {
            synchronized (this) {
                connecting = null;
                if (failure == null) {
                    connection = connected;
                } else {
                    nextAttempt = Instant.now().plus(properties.retryConnectAfter());
                    log.warn(
                            "Redis at {} is unreachable ({}); using in-process fallbacks",
                            redactedUrl(),
                            rootMessage(failure));
                }
            }
        });
    }

    /**
     * Round-trip time of a PING in milliseconds, for the health check: unlike request paths it may wait for a
     * pending connect. Throws when Redis does not answer.
     */
    public long ping() throws Exception {
        if (client == null) {
            throw new IllegalStateException("Redis is not configured");
        }
        CompletableFuture<StatefulRedisConnection<String, String>> pending = connecting;
        if (connection == null && pending != null) {
            pending.get(CONNECT_TIMEOUT.toMillis() * 2, TimeUnit.MILLISECONDS);
        }
        StatefulRedisConnection<String, String> current =
                connection().orElseThrow(() -> new IllegalStateException("Redis is unreachable"));
        long started = System.nanoTime();
        current.async().ping().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private String redactedUrl() {
        return properties.url().replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void destroy() {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
