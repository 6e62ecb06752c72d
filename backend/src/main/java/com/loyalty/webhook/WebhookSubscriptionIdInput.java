package com.loyalty.webhook;

/** Names a subscription (pause, resume, delete, rotate the secret, send a test). */
public record WebhookSubscriptionIdInput(Long subscriptionId) {
}
