package com.loyalty.staff;

/** GraphQL input of {@code resetStaffPassword}. */
public record ResetStaffPasswordInput(Long staffId) {
}
