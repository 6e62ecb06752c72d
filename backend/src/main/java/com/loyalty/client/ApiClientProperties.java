package com.loyalty.client;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Machine clients' credentials: how long an access token from {@code POST /oauth/token} lives, and
 * how long the previous secret keeps working after a rotation (so that a fleet of tills can be
 * updated).
 */
@ConfigurationProperties("loyalty.clients")
record ApiClientProperties(
        @DefaultValue("15m") Duration tokenTtl,
        @DefaultValue("24h") Duration rotationGrace) {
}
