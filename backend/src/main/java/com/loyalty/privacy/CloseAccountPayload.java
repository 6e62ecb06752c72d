package com.loyalty.privacy;

import com.loyalty.shared.graphql.UserError;
import java.time.Instant;
import java.util.List;

/** Result of closeAccount: when the account will be erased unless the member signs in before. */
public record CloseAccountPayload(Instant closesAt, List<UserError> userErrors) {

    public static CloseAccountPayload of(Instant closesAt) {
        return new CloseAccountPayload(closesAt, List.of());
    }

    public static CloseAccountPayload failed(UserError error) {
        return new CloseAccountPayload(null, List.of(error));
    }
}
