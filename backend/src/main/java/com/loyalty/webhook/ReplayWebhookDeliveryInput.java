package com.loyalty.webhook;

/** Names a delivery to send again. */
public record ReplayWebhookDeliveryInput(Long deliveryId) {
}
