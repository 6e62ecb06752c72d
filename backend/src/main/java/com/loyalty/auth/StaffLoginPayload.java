package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import com.loyalty.staff.Staff;
import java.time.Instant;
import java.util.List;

/**
 * Result of {@code staffLogin}; {@code mustChangePassword}: the password was reset, the session
 * may only change it ({@code changeMyPassword}).
 */
public record StaffLoginPayload(String accessToken, String refreshToken, Instant expiresAt, Staff staff,
                                boolean mustChangePassword, List<UserError> userErrors) {

    public static StaffLoginPayload of(SessionTokens tokens, Staff staff) {
        return new StaffLoginPayload(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), staff,
                staff.mustChangePassword(), List.of());
    }

    public static StaffLoginPayload failed(UserError error) {
        return new StaffLoginPayload(null, null, null, null, false, List.of(error));
    }
}
