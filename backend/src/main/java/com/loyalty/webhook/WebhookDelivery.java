package com.loyalty.webhook;

import java.time.Instant;

/**
 * One event on its way to one subscription: its status, attempts in all, when the next is due (for a
 * PENDING one), the last answer, and the payload exactly as sent.
 */
public record WebhookDelivery(long id, long subscriptionId, String eventId, String eventType,
                              WebhookDeliveryStatus status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                              Instant deliveredAt, Integer lastStatusCode, String lastError, Instant createdAt,
                              String payload) {
}
