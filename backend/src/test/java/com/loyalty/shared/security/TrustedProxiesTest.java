package com.loyalty.shared.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which address is the client's, from the peer and X-Forwarded-For. */
class TrustedProxiesTest {

    private final TrustedProxies proxies = new TrustedProxies(
            new TrustedProxiesProperties(List.of("10.0.0.0/8", "192.168.1.5", "fd00::/8")));

    @Test
    void aHeaderFromAnUntrustedCallerIsIgnored() throws Exception {
        assertThat(client("203.0.113.9", "1.2.3.4")).isEqualTo("203.0.113.9");
    }

    @Test
    void theRightMostUntrustedHopIsTheClient() throws Exception {
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.7")).isEqualTo("198.51.100.7");
        assertThat(client("10.1.2.3", "6.6.6.6, 198.51.100.7, 192.168.1.5")).isEqualTo("198.51.100.7");
        assertThat(client("10.1.2.3", "6.6.6.6", "198.51.100.7, 10.9.9.9")).isEqualTo("198.51.100.7");
        assertThat(client("fd12::1", "2001:db8::5")).isEqualTo("2001:db8:0:0:0:0:0:5");
    }

    @Test
    void aHopThatIsNotAnAddressEndsTheWalkWithoutAnyLookUp() throws Exception {
        assertThat(client("10.1.2.3", "198.51.100.7, example.com")).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "999.1.1.1")).isEqualTo("10.1.2.3");
        assertThat(client("10.1.2.3", "cafe")).isEqualTo("10.1.2.3");
    }

    @Test
    void onlyTrustedHopsLeaveTheLeftMostTrustedOne() throws Exception {
        assertThat(client("10.1.2.3", "10.4.4.4")).isEqualTo("10.4.4.4");
    }

    @Test
    void aBadProxyEntryIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TrustedProxies(new TrustedProxiesProperties(List.of("proxy.internal"))))
                .hasMessageContaining("loyalty.http.trusted-proxies");
        assertThatThrownBy(() -> new TrustedProxies(new TrustedProxiesProperties(List.of("10.0.0.0/33"))))
                .hasMessageContaining("loyalty.http.trusted-proxies");
    }

    private String client(String peer, String... forwardedFor) throws Exception {
        return proxies.client(InetAddress.getByName(peer), List.of(forwardedFor)).getHostAddress();
    }
}
