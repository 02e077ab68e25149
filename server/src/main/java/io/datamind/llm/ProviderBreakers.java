package io.datamind.llm;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;

/**
 * One circuit breaker per provider and base URL, shared by every organization that uses that endpoint: when Anthropic
 * is down it is down for all of them, and the users learn it at once instead of each waiting through the retries.
 */
final class ProviderBreakers {

    private final CircuitBreakerRegistry registry;
    private final LlmProperties.Breaker settings;

    ProviderBreakers(LlmProperties.Breaker settings) {
        this.settings = settings;
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(settings.slidingWindowSize())
                .minimumNumberOfCalls(settings.minimumNumberOfCalls())
                .failureRateThreshold(settings.failureRateThreshold())
                .waitDurationInOpenState(settings.openDuration())
                .permittedNumberOfCallsInHalfOpenState(1)
                // Half-open only when someone asks again: no timer threads for idle endpoints.
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .build());
    }

    CircuitBreaker forEndpoint(String provider, String baseUrl) {
        return registry.circuitBreaker(provider + " " + baseUrl);
    }

    LlmProperties.Breaker settings() {
        return settings;
    }
}
