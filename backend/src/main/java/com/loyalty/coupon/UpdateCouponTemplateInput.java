package com.loyalty.coupon;

import java.time.Instant;

/**
 * GraphQL input of {@code updateCouponTemplate}: fields left out stay as they are. Validity applies
 * to coupons got from now on; coupons already held keep theirs (as they keep their coupons when the
 * early access changes).
 */
public record UpdateCouponTemplateInput(Long templateId, String name, Integer totalStock, Instant validFrom,
                                        Instant validUntil, Integer validDays, Integer perMemberLimit,
                                        Boolean claimable, Long pointsPrice, Boolean clearPointsPrice,
                                        CouponEarlyAccess earlyAccess, Boolean clearEarlyAccess) {

    /** The template as it would be with these changes, in the shape creation checks. */
    CreateCouponTemplateInput applyTo(CouponTemplate t) {
        CreateCouponTemplateInput c = t.asInput();
        Instant until = validUntil != null ? validUntil : validDays != null ? null : c.validUntil();
        Integer days = validDays != null ? validDays : validUntil != null ? null : c.validDays();
        return new CreateCouponTemplateInput(name != null ? name : c.name(), c.kind(), c.amountOffCents(),
                c.thresholdCents(), c.percentOff(), c.maxDiscountCents(), c.giftName(),
                validFrom != null ? validFrom : c.validFrom(), until, days,
                totalStock != null ? totalStock : c.totalStock(),
                perMemberLimit != null ? perMemberLimit : c.perMemberLimit(), c.minTierLevel(), c.storeIds(),
                c.categories(), c.channel(), c.stackable(), claimable != null ? claimable : c.claimable(),
                Boolean.TRUE.equals(clearPointsPrice) ? null : pointsPrice != null ? pointsPrice : c.pointsPrice(),
                Boolean.TRUE.equals(clearEarlyAccess) ? null : earlyAccess != null ? earlyAccess : c.earlyAccess());
    }
}
