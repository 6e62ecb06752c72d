package com.loyalty.webhook;

/** Where a delivery stands: waiting (for its first attempt or a retry), delivered, or out of attempts. */
public enum WebhookDeliveryStatus {
    PENDING,
    DELIVERED,
    FAILED
}
