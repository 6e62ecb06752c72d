package com.loyalty.webhook;

/** Narrows the subscription list: one client's, in one status, asking for one event; null: any. */
public record WebhookSubscriptionFilter(Long clientId, WebhookSubscriptionStatus status, WebhookEventType event) {

    static final WebhookSubscriptionFilter NONE = new WebhookSubscriptionFilter(null, null, null);
}
