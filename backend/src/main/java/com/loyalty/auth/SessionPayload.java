package com.loyalty.auth;

import com.loyalty.shared.graphql.UserError;
import java.time.Instant;
import java.util.List;

/** Result of {@code refreshSession}. */
public record SessionPayload(String accessToken, String refreshToken, Instant expiresAt, List<UserError> userErrors) {

    public static SessionPayload of(SessionTokens tokens) {
        return new SessionPayload(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), List.of());
    }

    public static SessionPayload failed(UserError error) {
        return new SessionPayload(null, null, null, List.of(error));
    }
}
