package com.loyalty.staff;

import com.loyalty.shared.security.Role;

/** GraphQL input of {@code createStaff}. */
public record CreateStaffInput(String username, String password, Role role, Long storeId, String displayName) {
}
