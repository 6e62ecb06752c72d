package com.loyalty.shared.security;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * The client's address behind reverse proxies: when the caller is a trusted proxy
 * ({@code loyalty.http.trusted-proxies}), the right-most address of {@code X-Forwarded-For} that
 * is not a trusted proxy becomes the request's remote address, for rate limits, logs and the
 * metrics check alike. A header from anyone else is ignored: a client cannot pick its address.
 * Entries that are not IP literals end the walk (nothing is ever looked up in DNS).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
public class TrustedProxies implements WebFilter {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");

    private final List<Range> trusted;

    public TrustedProxies(TrustedProxiesProperties properties) {
        this.trusted = properties.trustedProxies().stream().map(Range::parse).toList();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (trusted.isEmpty() || remote == null || remote.getAddress() == null) {
            return chain.filter(exchange);
        }
        InetAddress client = client(remote.getAddress(), exchange.getRequest().getHeaders().get("X-Forwarded-For"));
        if (client.equals(remote.getAddress())) {
            return chain.filter(exchange);
        }
        InetSocketAddress rewritten = new InetSocketAddress(client, remote.getPort());
        return chain.filter(exchange.mutate().request(r -> r.remoteAddress(rewritten)).build());
    }

    /**
     * Walks from the peer leftwards through {@code X-Forwarded-For} (all its header lines, in
     * order) while the hop is a trusted proxy; the first untrusted hop is the client.
     */
    InetAddress client(InetAddress peer, List<String> forwardedFor) {
        if (!isTrusted(peer) || forwardedFor == null) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String line : forwardedFor) {
            for (String hop : line.split(",")) {
                hops.add(hop.strip());
            }
        }
        InetAddress client = peer;
        for (int i = hops.size() - 1; i >= 0 && isTrusted(client); i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                break;
            }
            client = hop.get();
        }
        return client;
    }

    private boolean isTrusted(InetAddress address) {
        return trusted.stream().anyMatch(range -> range.contains(address));
    }

    /** An IPv4 or IPv6 literal (IPv6 possibly in brackets), never a host name. */
    static Optional<InetAddress> literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        var v4 = IPV4.matcher(s);
        try {
            if (v4.matches()) {
                byte[] bytes = new byte[4];
                for (int i = 0; i < 4; i++) {
                    int octet = Integer.parseInt(v4.group(i + 1));
                    if (octet > 255) {
                        return Optional.empty();
                    }
                    bytes[i] = (byte) octet;
                }
                return Optional.of(InetAddress.getByAddress(bytes));
            }
            if (s.length() <= 45 && IPV6.matcher(s).matches()) {
                // a text with a colon is parsed as an IPv6 literal, never resolved
                return Optional.of(InetAddress.getByName(s));
            }
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** An address block: {@code 10.0.0.0/8}, {@code fd00::/8}, or one address. */
    record Range(byte[] network, int bits) {

        static Range parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            InetAddress address = literal(parts[0])
                    .orElseThrow(() -> new IllegalArgumentException("loyalty.http.trusted-proxies: not an IP address: " + cidr));
            int max = address.getAddress().length * 8;
            int bits = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : max;
            if (bits < 0 || bits > max) {
                throw new IllegalArgumentException("loyalty.http.trusted-proxies: bad prefix length: " + cidr);
            }
            return new Range(address.getAddress(), bits);
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((candidate[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
