package com.loyalty.webhook;

import java.util.List;

/** An active API client as the webhook pages list it (for choosing a subscription's client). */
public record WebhookClient(long id, String name, String kind, List<Long> storeIds) {
}
