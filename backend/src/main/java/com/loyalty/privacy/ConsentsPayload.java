package com.loyalty.privacy;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of updateConsents. */
public record ConsentsPayload(Consents consents, List<UserError> userErrors) {

    public static ConsentsPayload of(Consents consents) {
        return new ConsentsPayload(consents, List.of());
    }

    public static ConsentsPayload failed(UserError error) {
        return new ConsentsPayload(null, List.of(error));
    }
}
