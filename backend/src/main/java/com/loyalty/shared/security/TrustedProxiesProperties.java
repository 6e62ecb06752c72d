package com.loyalty.shared.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The reverse proxies whose {@code X-Forwarded-For} is believed ({@code loyalty.http.trusted-proxies},
 * CIDRs such as {@code 10.0.0.0/8} or single addresses); none by default, so the header is ignored.
 */
@ConfigurationProperties("loyalty.http")
record TrustedProxiesProperties(List<String> trustedProxies) {

    public TrustedProxiesProperties {
        trustedProxies = trustedProxies == null ? List.of()
                : trustedProxies.stream().filter(s -> s != null && !s.isBlank()).toList();
    }
}
