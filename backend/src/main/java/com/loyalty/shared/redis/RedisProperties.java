package com.loyalty.shared.redis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The prefix every Redis key of this deployment starts with (tests use one per run), and how long
 * a command may wait for Redis and how often it is retried: short, so that when Redis is gone
 * requests that can do without it answer at once and the others fail with a clear error.
 */
@ConfigurationProperties("loyalty.redis")
record RedisProperties(
        @DefaultValue("loyalty:") String keyPrefix,
        @DefaultValue("1s") Duration timeout,
        @DefaultValue("1") int retryAttempts) {
}
