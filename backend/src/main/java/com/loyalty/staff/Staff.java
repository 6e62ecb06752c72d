package com.loyalty.staff;

import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;

/**
 * A staff account: a clerk or store manager at one store, or a marketer or admin of the brand.
 * {@code mustChangePassword}: its password was reset to a temporary one, which it must change
 * before doing anything else.
 */
public record Staff(
        long id,
        long brandId,
        Long storeId,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        boolean enabled,
        boolean mustChangePassword) {

    public Viewer viewer() {
        return new Viewer(id, role, storeId, brandId);
    }
}
