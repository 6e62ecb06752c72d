package com.loyalty.purchase;

import com.loyalty.points.EarnLine;
import java.time.Instant;
import java.util.List;

/**
 * A purchase recorded at the till (or imported), with what it earned and what was refunded;
 * {@code memberId} is null for a guest (non-member) order. {@code rulesVersion} is the programme
 * rules version it was priced and earned under (null for a guest order).
 */
public record Purchase(
        long id,
        long brandId,
        long storeId,
        Long memberId,
        String orderNo,
        Channel channel,
        long amountCents,
        long pointsRedeemed,
        long redeemedCents,
        long pointsEarned,
        List<EarnLine> earnBreakdown,
        long refundedCents,
        Instant occurredAt,
        long couponDiscountCents,
        long tierDiscountCents,
        Integer rulesVersion) {

    /** Where the purchase happened. */
    public enum Channel { STORE, ONLINE }

    /** True for an order of a walk-in customer who is not a member (非会员). */
    public boolean guest() {
        return memberId == null;
    }

    /** What the member paid: the total less coupons, the tier discount and points. */
    public long paidCents() {
        return amountCents - couponDiscountCents - tierDiscountCents - redeemedCents;
    }
}
