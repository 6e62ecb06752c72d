package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import com.loyalty.staff.Staff;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code changeMyPassword}: a new sign-in (every earlier one, this one included, has
 * ended) and the account.
 */
public record ChangeMyPasswordPayload(String accessToken, String refreshToken, Instant expiresAt, Staff staff,
                                      List<UserError> userErrors) {

    static ChangeMyPasswordPayload of(SessionTokens tokens, Staff staff) {
        return new ChangeMyPasswordPayload(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), staff,
                List.of());
    }

    static ChangeMyPasswordPayload failed(UserError error) {
        return new ChangeMyPasswordPayload(null, null, null, null, List.of(error));
    }
}
