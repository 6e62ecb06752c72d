package com.loyalty.tag;

import com.loyalty.member.Member;
import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code addMemberTag} and {@code removeMemberTag}; {@code changed} is false for a repeat. */
public record MemberTagPayload(Member member, Tag tag, boolean changed, List<UserError> userErrors) {

    public static MemberTagPayload of(Member member, Tag tag, boolean changed) {
        return new MemberTagPayload(member, tag, changed, List.of());
    }

    public static MemberTagPayload failed(UserError error) {
        return new MemberTagPayload(null, null, false, List.of(error));
    }
}
