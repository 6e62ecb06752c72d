package com.loyalty.webhook;

import java.util.List;

/** Changes to a subscription; a field left out stays as it is. */
public record UpdateWebhookSubscriptionInput(Long subscriptionId, String url, List<WebhookEventType> events,
                                             String description) {
}
