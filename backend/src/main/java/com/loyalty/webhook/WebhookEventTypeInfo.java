package com.loyalty.webhook;

/** An event a subscription may ask for: the enum value, the payload's name, a Chinese label. */
public record WebhookEventTypeInfo(WebhookEventType type, String name, String label) {

    static WebhookEventTypeInfo of(WebhookEventType type) {
        return new WebhookEventTypeInfo(type, type.wireName(), type.label());
    }
}
