package com.loyalty.segment;

/** GraphQL input of {@code updateSavedMemberFilter}: a field left out (null) keeps its value. */
public record UpdateSavedMemberFilterInput(Long id, String name, MemberFilter filter) {
}
