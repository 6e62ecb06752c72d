package com.loyalty.points;

/** GraphQL input of {@code approvePointsAdjustment} and {@code rejectPointsAdjustment}. */
public record DecidePointsApprovalInput(Long approvalId, String note) {
}
