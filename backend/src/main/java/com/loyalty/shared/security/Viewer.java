package com.loyalty.shared.security;

/**
 * The signed-in caller, as carried in the access token. {@code storeId} is set for clerks and
 * managers, null for members, marketers and admins.
 */
public record Viewer(long id, Role role, Long storeId, long brandId) {

    /** The JWT subject and refresh-session owner, e.g. {@code member:42} or {@code staff:7}. */
    public String subject() {
        return subjectOf(role, id);
    }

    public static String subjectOf(Role role, long id) {
        return (role.isStaff() ? "staff:" : "member:") + id;
    }
}
