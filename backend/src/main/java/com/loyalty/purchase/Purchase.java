package com.loyalty.purchase;

import com.loyalty.points.EarnLine;
import java.time.Instant;
import java.util.List;

/** A purchase recorded at the till (or imported), with what it earned and what was refunded. */
public record Purchase(
        long id,
        long brandId,
        long storeId,
        long memberId,
        String orderNo,
        Channel channel,
        long amountCents,
        long pointsRedeemed,
        long redeemedCents,
        long pointsEarned,
        List<EarnLine> earnBreakdown,
        long refundedCents,
        Instant occurredAt,
        long couponDiscountCents) {

    /** Where the purchase happened. */
    public enum Channel { STORE, ONLINE }

    /** What the member paid: the total less coupons and points. */
    public long paidCents() {
        return amountCents - couponDiscountCents - redeemedCents;
    }
}
