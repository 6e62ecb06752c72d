package com.loyalty.points;

import java.time.Instant;

/**
 * A points adjustment above the requester's cap, waiting for (or decided by) an admin other than
 * the requester. Nothing moves until it is approved; then the ledger gets it once.
 */
public record PointsApproval(
        long id,
        long brandId,
        long memberId,
        long delta,
        String reason,
        long requestedBy,
        Long requestedStoreId,
        Instant requestedAt,
        String capReason,
        Status status,
        Long decidedBy,
        Instant decidedAt,
        String decisionNote,
        Long balanceBefore,
        Long balanceAfter) {

    /** Where the request stands. */
    public enum Status { PENDING, APPROVED, REJECTED }
}
