package com.loyalty.member;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of a mutation on the member's own profile. */
public record MemberPayload(Member member, List<UserError> userErrors) {

    public static MemberPayload of(Member member) {
        return new MemberPayload(member, List.of());
    }

    public static MemberPayload failed(UserError error) {
        return new MemberPayload(null, List.of(error));
    }
}
