package com.loyalty.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery ({@code loyalty.webhooks}; docs/operations.md "Webhooks").
 *
 * @param pollEvery      how often each instance looks for due deliveries; 0 turns the worker off (tests drive it)
 * @param batchSize      deliveries an instance claims at a time
 * @param concurrency    deliveries an instance sends at once
 * @param connectTimeout to open the receiver's connection
 * @param readTimeout    to wait for the receiver's answer
 * @param lease          how long a claimed delivery is reserved for the instance sending it (longer than both timeouts)
 * @param retrySchedule  wait before each retry after a failed attempt (attempts = 1 + its size); each wait
 *                       is lengthened by up to {@code jitter} of itself at random
 * @param jitter         0 to 1
 * @param disableAfter   deliveries in a row that ran out of attempts before the subscription is DISABLED
 * @param rotationGrace  how long the previous secret keeps signing after a rotation
 * @param allowHttpHosts hosts a subscription may use plain http for (dev and tests: 127.0.0.1, localhost); others need https
 */
@ConfigurationProperties("loyalty.webhooks")
record WebhookProperties(
        @DefaultValue("2s") Duration pollEvery,
        @DefaultValue("50") int batchSize,
        @DefaultValue("8") int concurrency,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2m") Duration lease,
        @DefaultValue({"1m", "5m", "30m", "2h", "6h", "12h"}) List<Duration> retrySchedule,
        @DefaultValue("0.2") double jitter,
        @DefaultValue("5") int disableAfter,
        @DefaultValue("24h") Duration rotationGrace,
        Set<String> allowHttpHosts) {

    WebhookProperties {
        allowHttpHosts = allowHttpHosts == null ? Set.of() : Set.copyOf(allowHttpHosts);
        retrySchedule = List.copyOf(retrySchedule);
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("loyalty.webhooks.jitter must be between 0 and 1");
        }
        if (disableAfter < 1) {
            throw new IllegalArgumentException("loyalty.webhooks.disable-after must be at least 1");
        }
    }

    /** Attempts a delivery gets before it is FAILED. */
    int maxAttempts() {
        return retrySchedule.size() + 1;
    }
}
