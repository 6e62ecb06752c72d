package com.loyalty.tag;

/** GraphQL input of {@code addMemberTag} and {@code removeMemberTag}. */
public record MemberTagInput(Long memberId, Long tagId, String reason) {
}
