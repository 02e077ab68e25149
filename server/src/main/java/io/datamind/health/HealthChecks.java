package io.datamind.health;

import io.datamind.redis.OptionalRedis;
import java.sql.Connection;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class HealthChecks {

    private static final Logger log = LoggerFactory.getLogger(HealthChecks.class);
    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final OptionalRedis redis;

    HealthChecks(DataSource dataSource, OptionalRedis redis) {
        this.dataSource = dataSource;
        this.redis = redis;
    }

    CheckResult database() {
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                return CheckResult.error();
            }
            return CheckResult.ok((System.nanoTime() - started) / 1_000_000);
        } catch (Exception e) {
            log.warn("Health: application database check failed: {}", e.getMessage());
            return CheckResult.error();
        }
    }

    CheckResult redis() {
        if (!redis.configured()) {
            return CheckResult.disabled();
        }
        try {
            return CheckResult.ok(redis.ping());
        } catch (Exception e) {
            log.warn("Health: Redis check failed: {}", e.getMessage());
            return CheckResult.error();
        }
    }
}
