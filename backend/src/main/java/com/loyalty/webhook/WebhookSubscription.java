package com.loyalty.webhook;

import java.time.Instant;
import java.util.List;

/**
 * A client's subscription: where its events go and which; never its secret (shown once, when it is
 * made or rotated). {@code consecutiveFailures} counts deliveries that ran out of attempts since the
 * last success; at {@code loyalty.webhooks.disable-after} the subscription is DISABLED.
 */
public record WebhookSubscription(long id, long brandId, long clientId, String url, List<WebhookEventType> events,
                                  String description, WebhookSubscriptionStatus status, int consecutiveFailures,
                                  Instant disabledAt, String disabledReason, Instant secretRotatedAt,
                                  Instant createdAt, Instant updatedAt) {
}
