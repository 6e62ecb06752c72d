package com.loyalty.purchase;

import java.time.Instant;

/**
 * A (partial) refund of a purchase and the points it moved; {@code cashToReturnCents} is what the
 * clerk hands back in cash or by card (null for refunds recorded before it was kept).
 */
public record Refund(long id, long purchaseId, String refundNo, long amountCents, long pointsReversed,
                     long pointsReturned, int couponsReturned, int couponsKept, Long cashToReturnCents,
                     Instant createdAt) {
}
