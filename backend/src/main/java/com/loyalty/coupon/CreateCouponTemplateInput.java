package com.loyalty.coupon;

import java.time.Instant;
import java.util.List;

/** GraphQL input of {@code createCouponTemplate}. */
public record CreateCouponTemplateInput(
        String name,
        CouponTemplate.Kind kind,
        Long amountOffCents,
        Long thresholdCents,
        Integer percentOff,
        Long maxDiscountCents,
        String giftName,
        Instant validFrom,
        Instant validUntil,
        Integer validDays,
        Integer totalStock,
        Integer perMemberLimit,
        Integer minTierLevel,
        List<Long> storeIds,
        List<String> categories,
        CouponTemplate.Channel channel,
        Boolean stackable,
        Boolean claimable,
        Long pointsPrice,
        CouponEarlyAccess earlyAccess) {
}
