package io.datamind.query.guard;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param parseTimeout longest the SQL parser may spend on one query before the query is refused
 * @param maxSqlLength longest query, in characters, the guard will look at
 */
@ConfigurationProperties("datamind.query.guard")
record SqlGuardProperties(
        @DefaultValue("2s") Duration parseTimeout,
        @DefaultValue("100000") int maxSqlLength) {}
