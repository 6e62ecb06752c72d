package com.loyalty.welcome;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code markWelcomeSeen}. */
public record MarkWelcomeSeenPayload(boolean changed, List<UserError> userErrors) {

    public static MarkWelcomeSeenPayload failed(UserError error) {
        return new MarkWelcomeSeenPayload(false, List.of(error));
    }
}
