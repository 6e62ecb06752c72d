package com.loyalty.segment;

/** GraphQL input of {@code deleteSavedMemberFilter}. */
public record DeleteSavedMemberFilterInput(Long id) {
}
