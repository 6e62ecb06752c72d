package com.loyalty.shared.redis;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The prefix every Redis key of this deployment starts with (tests use one per run). */
@ConfigurationProperties("loyalty.redis")
public record RedisKeyProperties(@DefaultValue("loyalty:") String keyPrefix) {
}
