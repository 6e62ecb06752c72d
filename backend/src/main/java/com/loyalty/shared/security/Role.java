package com.loyalty.shared.security;

/** Who is calling: a member, or staff with a store-bound (CLERK, MANAGER) or brand-wide (ADMIN) role. */
public enum Role {
    MEMBER,
    CLERK,
    MANAGER,
    ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_CLERK}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public boolean isStaff() {
        return this != MEMBER;
    }
}
