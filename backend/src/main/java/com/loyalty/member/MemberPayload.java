package com.loyalty.member;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/**
 * Result of a mutation on the member's own profile; {@code signInAgain} when bindPhone matched the
 * caller to a member imported from the brand's previous system (their sign-in ended: log in again).
 */
public record MemberPayload(Member member, boolean signInAgain, List<UserError> userErrors) {

    public static MemberPayload of(Member member) {
        return new MemberPayload(member, false, List.of());
    }

    /** bindPhone's answer: the member who bound the phone, and whether it is not the caller. */
    static MemberPayload bound(Member member, long caller) {
        return new MemberPayload(member, member.id() != caller, List.of());
    }

    public static MemberPayload failed(UserError error) {
        return new MemberPayload(null, false, List.of(error));
    }
}
