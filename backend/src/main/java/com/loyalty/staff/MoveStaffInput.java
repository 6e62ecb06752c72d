package com.loyalty.staff;

/** GraphQL input of {@code moveStaff}. */
public record MoveStaffInput(Long staffId, Long storeId) {
}
