package com.loyalty.stamp;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of creating, changing, pausing, resuming or stopping a stamp card. */
public record StampCardPayload(StampCard stampCard, List<UserError> userErrors) {

    static StampCardPayload of(StampCard card) {
        return new StampCardPayload(card, List.of());
    }

    static StampCardPayload failed(UserError error) {
        return new StampCardPayload(null, List.of(error));
    }
}
