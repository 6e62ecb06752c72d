package com.loyalty.shared.security;

/**
 * Who is calling: a member, or staff with a store-bound (CLERK, STORE_MANAGER) or brand-wide role
 * (MARKETER: campaigns, coupons, tags, automation and analytics, no staff or money settings;
 * ADMIN: the brand), or a machine client of the brand (CLIENT, see {@link Viewer#client}).
 */
public enum Role {
    MEMBER,
    CLERK,
    STORE_MANAGER,
    MARKETER,
    ADMIN,
    /** A machine client of the brand (a POS, the online shop, the ERP): what it may do is its scopes. */
    CLIENT;

    /** The Spring Security authority for this role, e.g. {@code ROLE_CLERK}. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Works across the brand rather than at one store (MARKETER, ADMIN). */
    public boolean isBrandWide() {
        return this == MARKETER || this == ADMIN;
    }

    /**
     * The role named in an access token; "MANAGER", the store manager's name before STORE_MANAGER,
     * still reads as STORE_MANAGER in tokens issued before the rename.
     */
    public static Role fromClaim(String claim) {
        return "MANAGER".equals(claim) ? STORE_MANAGER : valueOf(claim);
    }

    /** A person on the brand's staff (not a member, not a machine client). */
    public boolean isStaff() {
        return this != MEMBER && this != CLIENT;
    }
}
