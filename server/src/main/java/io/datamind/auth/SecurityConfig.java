package io.datamind.auth;

import io.datamind.common.ApiException;
import io.datamind.common.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers("/api/v1/health", "/api/v1/health/**")
                        .permitAll()
                        .requestMatchers("/api/**")
                        .authenticated()
                        .anyRequest()
                        .permitAll())
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> problems.write(
                                request,
                                response,
                                new ApiException(HttpStatus.UNAUTHORIZED, "Unauthorized", "Sign in to continue")))
                        .accessDeniedHandler((request, response, e) -> problems.write(
                                request,
                                response,
                                new ApiException(
                                        HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this action"))));
        return http.build();
    }
}
