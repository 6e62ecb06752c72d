package com.loyalty.webhook;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of deleteWebhookSubscription: the id of the subscription deleted (with its delivery log). */
public record DeleteWebhookSubscriptionPayload(Long deletedSubscriptionId, List<UserError> userErrors) {

    static DeleteWebhookSubscriptionPayload of(long id) {
        return new DeleteWebhookSubscriptionPayload(id, List.of());
    }

    static DeleteWebhookSubscriptionPayload failed(UserError error) {
        return new DeleteWebhookSubscriptionPayload(null, List.of(error));
    }
}
