package com.loyalty.staff;

/** GraphQL input of {@code setStaffEnabled}. */
public record SetStaffEnabledInput(Long staffId, boolean enabled) {
}
