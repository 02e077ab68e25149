package io.datamind.common.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ClientAddressTest {

    private static final ClientAddress BEHIND_PROXIES =
            new ClientAddress(new TrustedProxyProperties(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8")));
    private static final ClientAddress NO_PROXIES = new ClientAddress(new TrustedProxyProperties(List.of()));

    @Test
    void withoutTrustedProxiesThePeerIsTheClient() {
        assertThat(NO_PROXIES.resolve(request("10.1.1.1", "203.0.113.9"))).isEqualTo("10.1.1.1");
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() {
        assertThat(BEHIND_PROXIES.resolve(request("198.51.100.1", "203.0.113.9")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void theRightMostUntrustedAddressIsTheClient() {
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "1.2.3.4, 203.0.113.9, 192.168.1.7")))
                .isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "1.2.3.4", "203.0.113.9, 10.9.9.9")))
                .isEqualTo("203.0.113.9");
    }

    @Test
    void whenEveryHopIsTrustedTheFirstIsTheClient() {
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "10.0.0.2, 10.0.0.3")))
                .isEqualTo("10.0.0.2");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void garbageStopsTheWalkAtTheLastVouchedForAddress() {
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "203.0.113.9, evil.example.com")))
                .isEqualTo("10.0.0.1");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "unknown, 203.0.113.9")))
                .isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "999.1.1.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void portsAndIpv6AreUnderstood() {
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "203.0.113.9:5123")))
                .isEqualTo("203.0.113.9");
        assertThat(BEHIND_PROXIES.resolve(request("10.0.0.1", "[2001:db8::1]:443")))
                .isEqualTo("2001:db8:0:0:0:0:0:1");
        assertThat(BEHIND_PROXIES.resolve(request("fd00::5", "2001:db8::2"))).isEqualTo("2001:db8:0:0:0:0:0:2");
        assertThat(BEHIND_PROXIES.resolve(request("0:0:0:0:0:0:0:1", "203.0.113.9")))
                .isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void cidrRangesMatchOnTheirPrefixOnly() {
        ClientAddress slash20 = new ClientAddress(new TrustedProxyProperties(List.of("172.16.16.0/20")));

        assertThat(slash20.resolve(request("172.16.31.255", "203.0.113.9"))).isEqualTo("203.0.113.9");
        assertThat(slash20.resolve(request("172.16.32.0", "203.0.113.9"))).isEqualTo("172.16.32.0");
    }

    @Test
    void aMisconfiguredProxyIsRefusedAtStartup() {
        assertThatThrownBy(() -> new ClientAddress(new TrustedProxyProperties(List.of("proxy.internal"))))
                .hasMessageContaining("proxy.internal");
        assertThatThrownBy(() -> new ClientAddress(new TrustedProxyProperties(List.of("10.0.0.0/33"))))
                .hasMessageContaining("10.0.0.0/33");
    }

    private static MockHttpServletRequest request(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/things");
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader(ClientAddress.FORWARDED_FOR, header);
        }
        return request;
    }
}
