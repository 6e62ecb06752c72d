package com.loyalty.webhook;

import java.time.Instant;

/** One try at a delivery: when, how long it took, the receiver's status code and the start of its answer, or the error. */
public record WebhookAttempt(long id, long deliveryId, Instant attemptedAt, int durationMs, Integer statusCode,
                             String error, String responseSnippet) {
}
