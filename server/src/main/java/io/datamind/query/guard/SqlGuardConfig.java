package io.datamind.query.guard;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SqlGuardConfig {

    @Bean
    SqlGuard sqlGuard(SqlGuardProperties properties) {
        return new SqlGuard(properties.parseTimeout(), properties.maxSqlLength());
    }
}
