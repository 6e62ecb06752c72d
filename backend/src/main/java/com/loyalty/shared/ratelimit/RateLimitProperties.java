package com.loyalty.shared.ratelimit;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How many times each action may happen per subject in a window
 * ({@code loyalty.rate-limits.limits.CHECK_IN.permits=10}, {@code ...per=1m}); an action without
 * a limit is not limited.
 */
@ConfigurationProperties("loyalty.rate-limits")
record RateLimitProperties(Map<RateLimitedAction, Limit> limits) {

    public RateLimitProperties {
        limits = limits == null ? Map.of() : Map.copyOf(limits);
    }

    /** {@code permits} per {@code per}. */
    public record Limit(long permits, Duration per) {
    }
}
