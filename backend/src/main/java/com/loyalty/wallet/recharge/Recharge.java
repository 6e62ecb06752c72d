package com.loyalty.wallet.recharge;

import java.time.Instant;

/** A recharge that went through and what is left of it; once refunded, what it paid back and forfeited. */
public record Recharge(long id, long brandId, long memberId, long storeId, long packageId, RechargeChannel channel,
                       String reference, long payCents, long bonusCents, long principalRemainingCents, long bonusRemainingCents,
                       Instant bonusExpiresAt, Status status, Instant createdAt, Instant refundedAt,
                       Long refundedCents, Long forfeitedCents, String refundReason) {

    /** Whether the recharge still counts or was refunded. */
    public enum Status { ACTIVE, REFUNDED }
}
