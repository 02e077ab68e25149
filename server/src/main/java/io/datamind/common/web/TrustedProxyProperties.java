package io.datamind.common.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param trustedProxies IPs and CIDR ranges of reverse proxies whose {@code X-Forwarded-For} is believed; empty
 *     means the direct peer is always the client
 */
@ConfigurationProperties("datamind.security")
record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {}
