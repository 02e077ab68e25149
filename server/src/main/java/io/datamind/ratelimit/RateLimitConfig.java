package io.datamind.ratelimit;

import io.datamind.common.web.ClientAddress;
import io.datamind.common.web.ProblemWriter;
import io.datamind.redis.OptionalRedis;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "datamind.rate-limit.enabled", matchIfMissing = true)
class RateLimitConfig {

    /** Runs this long after Spring Security's filter chain, whose order may be configured. */
    static final int AFTER_SECURITY = 10;

    @Bean
    RateLimiter rateLimiter(RateLimitProperties properties, OptionalRedis redis, MeterRegistry meters) {
        Clock clock = Clock.systemUTC();
        LocalBuckets local = new LocalBuckets(properties.localMaxBuckets(), properties.longestPeriod());
        RedisBuckets shared = redis.configured() ? new RedisBuckets(redis, properties.redisRetryAfter(), clock) : null;
        return new RateLimiter(properties, local, shared, new RedisFallbacks(meters, clock));
    }

    @Bean
    FailedAuthentications failedAuthentications(
            RateLimiter limiter, ClientAddress clientAddress, ProblemWriter problems) {
        return new UnauthenticatedLimit(limiter, clientAddress, new TooManyRequests(problems));
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
            RateLimiter limiter,
            ClientAddress clientAddress,
            ProblemWriter problems,
            ObjectProvider<SecurityFilterProperties> securityFilter) {
        int securityOrder =
                securityFilter.getIfAvailable(SecurityFilterProperties::new).getOrder();
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limiter, clientAddress, new TooManyRequests(problems)));
        registration.setName("rateLimitFilter");
        registration.addUrlPatterns("/api/*");
        registration.setOrder(securityOrder + AFTER_SECURITY);
        return registration;
    }
}
