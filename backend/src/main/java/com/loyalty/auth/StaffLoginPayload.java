package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import com.loyalty.staff.Staff;
import java.time.Instant;
import java.util.List;

/** Result of {@code staffLogin}. */
public record StaffLoginPayload(String accessToken, String refreshToken, Instant expiresAt, Staff staff,
                                List<UserError> userErrors) {

    public static StaffLoginPayload of(SessionTokens tokens, Staff staff) {
        return new StaffLoginPayload(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), staff, List.of());
    }

    public static StaffLoginPayload failed(UserError error) {
        return new StaffLoginPayload(null, null, null, null, List.of(error));
    }
}
