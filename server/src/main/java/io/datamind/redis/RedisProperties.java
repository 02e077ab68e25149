package io.datamind.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url {@code redis://host:port[/db]}; empty means no Redis and in-process fallbacks everywhere
 * @param commandTimeout longest a Redis call may add to a request before the caller falls back
 * @param retryConnectAfter how long to wait before trying a down Redis again
 */
@ConfigurationProperties("datamind.redis")
record RedisProperties(
        String url,
        @DefaultValue("50ms") Duration commandTimeout,
        @DefaultValue("2s") Duration retryConnectAfter) {

    boolean configured() {
        return url != null && !url.isBlank();
    }
}
