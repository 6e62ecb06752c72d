package com.loyalty.staff;

import com.loyalty.shared.security.Role;

/**
 * GraphQL input {@code StaffFilter} of {@code staffAccounts}: the store, role, enabled or not, and
 * text the username or display name contains; each left out matches all.
 */
public record StaffFilter(Long storeId, Role role, Boolean enabled, String search) {

    static final StaffFilter ALL = new StaffFilter(null, null, null, null);

    StaffFilter atStore(Long store) {
        return new StaffFilter(store, role, enabled, search);
    }

    StaffFilter searching(String text) {
        return new StaffFilter(storeId, role, enabled, text);
    }
}
