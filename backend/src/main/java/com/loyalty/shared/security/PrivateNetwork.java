package com.loyalty.shared.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Whether a caller is on this machine or a private network (where metrics scrapers live). */
public final class PrivateNetwork {

    private PrivateNetwork() {
    }

    /** Loopback, 10/8, 172.16/12, 192.168/16, link-local, or IPv6 unique-local (fc00::/7). */
    public static boolean contains(InetSocketAddress remote) {
        InetAddress address = remote == null ? null : remote.getAddress();
        if (address == null) {
            return false;
        }
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress()
                || address.getAddress().length == 16 && (address.getAddress()[0] & 0xfe) == 0xfc;
    }
}
