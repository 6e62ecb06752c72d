package com.loyalty.webhook;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of replayWebhookDelivery and sendTestWebhook: the delivery, queued to go out at once. */
public record WebhookDeliveryPayload(WebhookDelivery delivery, List<UserError> userErrors) {

    static WebhookDeliveryPayload of(WebhookDelivery delivery) {
        return new WebhookDeliveryPayload(delivery, List.of());
    }

    static WebhookDeliveryPayload failed(UserError error) {
        return new WebhookDeliveryPayload(null, List.of(error));
    }
}
