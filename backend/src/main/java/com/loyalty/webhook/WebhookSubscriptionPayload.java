package com.loyalty.webhook;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/**
 * Result of the subscription mutations; {@code secret} is the signing secret, given only by
 * createWebhookSubscription and rotateWebhookSecret (it cannot be read again).
 */
public record WebhookSubscriptionPayload(WebhookSubscription subscription, String secret, List<UserError> userErrors) {

    static WebhookSubscriptionPayload of(WebhookSubscription subscription) {
        return new WebhookSubscriptionPayload(subscription, null, List.of());
    }

    static WebhookSubscriptionPayload withSecret(WithSecret made) {
        return new WebhookSubscriptionPayload(made.subscription(), made.secret(), List.of());
    }

    static WebhookSubscriptionPayload failed(UserError error) {
        return new WebhookSubscriptionPayload(null, null, List.of(error));
    }

    /** A subscription and its new secret in clear, once. */
    record WithSecret(WebhookSubscription subscription, String secret) {
    }
}
