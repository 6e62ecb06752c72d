package com.loyalty.shared.security;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Token settings; the JWT secret comes from the environment (LOYALTY_AUTH_JWT_SECRET). */
@ConfigurationProperties("loyalty.auth")
public record AuthProperties(
        String jwtSecret,
        @DefaultValue("loyalty-backend") String issuer,
        @DefaultValue("loyalty-miniprogram") String audience,
        @DefaultValue("15m") Duration accessTokenTtl,
        @DefaultValue("30d") Duration refreshTokenTtl) {

    public AuthProperties {
        if (jwtSecret == null || jwtSecret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException(
                    "loyalty.auth.jwt-secret (env LOYALTY_AUTH_JWT_SECRET) must be set to at least 32 bytes");
        }
    }
}
