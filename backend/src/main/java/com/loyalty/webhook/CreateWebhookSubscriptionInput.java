package com.loyalty.webhook;

import java.util.List;

/** A new subscription of a client: where (https), which events, and what it is for. */
public record CreateWebhookSubscriptionInput(Long clientId, String url, List<WebhookEventType> events,
                                             String description) {
}
