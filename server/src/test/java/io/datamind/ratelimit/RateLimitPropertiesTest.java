package io.datamind.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class RateLimitPropertiesTest {

    @Test
    void defaultsMatchTheDocumentedLimits() {
        RateLimitProperties properties = bind(Map.of());

        assertThat(properties.enabled()).isTrue();
        assertThat(properties.login()).isEqualTo(new RateLimitProperties.Limit(5, Duration.ofMinutes(1)));
        assertThat(properties.register()).isEqualTo(new RateLimitProperties.Limit(5, Duration.ofMinutes(1)));
        assertThat(properties.refresh()).isEqualTo(new RateLimitProperties.Limit(30, Duration.ofMinutes(1)));
        assertThat(properties.ask()).isEqualTo(new RateLimitProperties.Limit(20, Duration.ofMinutes(1)));
        assertThat(properties.api()).isEqualTo(new RateLimitProperties.Limit(100, Duration.ofMinutes(1)));
        assertThat(properties.unauthenticated()).isEqualTo(new RateLimitProperties.Limit(60, Duration.ofMinutes(1)));
        assertThat(properties.redisKeyPrefix()).isEqualTo("datamind:ratelimit:");
        assertThat(properties.redisRetryAfter()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.localMaxBuckets()).isEqualTo(100_000);
    }

    @Test
    void aPartlyConfiguredLimitKeepsTheOtherDefault() {
        RateLimitProperties properties =
                bind(Map.of("datamind.rate-limit.login.requests", "7", "datamind.rate-limit.api.period", "1h"));

        assertThat(properties.login()).isEqualTo(new RateLimitProperties.Limit(7, Duration.ofMinutes(1)));
        assertThat(properties.api()).isEqualTo(new RateLimitProperties.Limit(100, Duration.ofHours(1)));
        assertThat(properties.longestPeriod()).isEqualTo(Duration.ofHours(1));
        assertThat(bind(Map.of("datamind.rate-limit.unauthenticated.period", "2h"))
                        .longestPeriod())
                .isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("datamind.rate-limit.ask.requests", "0")))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("datamind.rate-limit.ask.requests must be at least 1");
    }

    private static RateLimitProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("datamind.rate-limit", RateLimitProperties.class);
    }
}
