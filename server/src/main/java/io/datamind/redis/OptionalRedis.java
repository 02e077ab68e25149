package io.datamind.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    private final RedisProperties properties;
    private final Clock clock;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> connection;
    private volatile Instant nextAttempt = Instant.MIN;

    OptionalRedis(RedisProperties properties) {
        this.properties = properties;
        this.clock = Clock.systemUTC();
        this.client = properties.configured() ? createClient(properties) : null;
    }

    private static RedisClient createClient(RedisProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.commandTimeout());
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
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.shutdown();
        }
    }
}
