package com.loyalty.auth;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.UserError;
import java.time.Instant;
import java.util.List;

/** Result of a member's {@code login}; {@code closesAt} only when refused because the account is closing. */
public record LoginPayload(String accessToken, String refreshToken, Instant expiresAt, Member member,
                           boolean registered, Instant closesAt, List<UserError> userErrors) {

    public static LoginPayload of(SessionTokens tokens, Member member, boolean registered) {
        return new LoginPayload(tokens.accessToken(), tokens.refreshToken(), tokens.expiresAt(), member, registered,
                null, List.of());
    }

    public static LoginPayload failed(UserError error) {
        return new LoginPayload(null, null, null, null, false, null, List.of(error));
    }

    public static LoginPayload closing(AccountClosurePending refusal) {
        return new LoginPayload(null, null, null, null, false, refusal.closesAt(), List.of(refusal.error()));
    }
}
