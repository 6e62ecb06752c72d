package com.loyalty.staff;

import com.loyalty.shared.security.Role;

/**
 * GraphQL input of {@code updateStaff}: what is left out stays as it is ({@code displayName} "" clears
 * it); {@code storeId} is the store of someone who becomes a clerk or store manager from marketer.
 */
public record UpdateStaffInput(Long staffId, String displayName, Role role, Long storeId) {
}
