package io.datamind.common.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The address of the client behind a request, for rate limits and audit. {@code X-Forwarded-For} is believed only
 * when the direct peer is a configured trusted proxy ({@code datamind.security.trusted-proxies}); then the chain
 * is read from the right and the first address that is not a trusted proxy is the client, because everything to
 * its left was written by the client itself and may be forged.
 */
@Component
public class ClientAddress {

    public static final String FORWARDED_FOR = "X-Forwarded-For";

    private final List<IpAddresses.Range> trustedProxies;

    ClientAddress(TrustedProxyProperties properties) {
        this.trustedProxies = properties.trustedProxies().stream()
                .filter(entry -> !entry.isBlank())
                .map(IpAddresses.Range::parse)
                .toList();
    }

    /** The client's IP address in canonical form (IPv6 uncompressed, as {@link InetAddress#getHostAddress()}). */
    public String resolve(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        Optional<InetAddress> peerAddress = IpAddresses.parse(peer);
        if (peerAddress.isEmpty()) {
            return peer;
        }
        InetAddress client = peerAddress.get();
        if (!isTrustedProxy(client)) {
            return client.getHostAddress();
        }
        List<String> hops = forwardedFor(request);
        for (int i = hops.size() - 1; i >= 0; i--) {
            Optional<InetAddress> hop = IpAddresses.parse(hops.get(i));
            if (hop.isEmpty()) {
                // Garbage in the chain: the last address a trusted proxy vouched for is as far as we can see.
                break;
            }
            client = hop.get();
            if (!isTrustedProxy(client)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean isTrustedProxy(InetAddress address) {
        for (IpAddresses.Range range : trustedProxies) {
            if (range.contains(address)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> forwardedFor(HttpServletRequest request) {
        List<String> hops = new ArrayList<>();
        for (String header : Collections.list(request.getHeaders(FORWARDED_FOR))) {
            for (String hop : header.split(",")) {
                if (!hop.isBlank()) {
                    hops.add(hop.trim());
                }
            }
        }
        return hops;
    }
}
