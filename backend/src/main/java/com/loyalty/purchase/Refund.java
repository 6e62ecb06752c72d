package com.loyalty.purchase;

import java.time.Instant;

/** A (partial) refund of a purchase and the points it moved. */
public record Refund(long id, long purchaseId, String refundNo, long amountCents, long pointsReversed,
                     long pointsReturned, int couponsReturned, int couponsKept, Instant createdAt) {
}
