package com.loyalty.staff;

import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;

/** A staff account: a clerk or manager at one store, or an admin of the brand. */
public record Staff(
        long id,
        long brandId,
        Long storeId,
        String username,
        String passwordHash,
        String displayName,
        Role role,
        boolean enabled) {

    public Viewer viewer() {
        return new Viewer(id, role, storeId, brandId);
    }
}
