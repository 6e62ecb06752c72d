package com.loyalty.segment;

/** GraphQL input of {@code saveMemberFilter}. */
public record SaveMemberFilterInput(String name, MemberFilter filter) {
}
