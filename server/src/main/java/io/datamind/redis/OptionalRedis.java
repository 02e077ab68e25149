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
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The shared Redis connections, if Redis is configured and reachable. Callers fall back to their in-process
 * implementation when a connection is empty. Connecting happens in the background (at start, and again after a
 * failure at most every {@code retry-connect-after}), so a request waits at most the command timeout for it; once
 * connected, Lettuce reconnects by itself and commands fail fast while Redis is away.
 */
@Component
public class OptionalRedis implements DisposableBean {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(1);

    private final RedisProperties properties;
    private final RedisClient client;
    private final BackgroundConnection<String, String> text;
    private final BackgroundConnection<String, byte[]> binary;

    OptionalRedis(RedisProperties properties) {
        this.properties = properties;
        if (properties.configured()) {
            RedisURI uri = RedisURI.create(properties.url());
            // The URI timeout also bounds the connection handshake, which may take longer than one command.
            uri.setTimeout(CONNECT_TIMEOUT);
            this.client = createClient(properties);
            String displayUrl = properties.url().replaceAll("//[^@/]*@", "//***@");
            this.text = new BackgroundConnection<>(client, uri, StringCodec.UTF8, properties, displayUrl);
            this.binary = new BackgroundConnection<>(
                    client, uri, RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE), properties, displayUrl);
            text.connectNow();
        } else {
            this.client = null;
            this.text = null;
            this.binary = null;
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

    /** The longest a single Redis command may take before callers should fall back. */
    public Duration commandTimeout() {
        return properties.commandTimeout();
    }

    /** The text connection, or empty when Redis is not configured or not reachable right now. */
    public Optional<StatefulRedisConnection<String, String>> connection() {
        return text == null ? Optional.empty() : text.get(Duration.ZERO);
    }

    /**
     * A connection whose values are raw bytes, for libraries that keep binary state in Redis (rate-limit buckets).
     * Waits at most the command timeout for a pending connect.
     */
    public Optional<StatefulRedisConnection<String, byte[]>> binaryConnection() {
        return binary == null ? Optional.empty() : binary.get(properties.commandTimeout());
    }

    /**
     * Round-trip time of a PING in milliseconds, for the health check: unlike request paths it may wait for a
     * pending connect. Throws when Redis does not answer.
     */
    public long ping() throws Exception {
        if (text == null) {
            throw new IllegalStateException("Redis is not configured");
        }
        StatefulRedisConnection<String, String> current = text.get(CONNECT_TIMEOUT.multipliedBy(2))
                .orElseThrow(() -> new IllegalStateException("Redis is unreachable"));
        long started = System.nanoTime();
        current.async().ping().get(CONNECT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return (System.nanoTime() - started) / 1_000_000;
    }

    @Override
    public void destroy() {
        if (client != null) {
            text.close();
            binary.close();
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }
}
