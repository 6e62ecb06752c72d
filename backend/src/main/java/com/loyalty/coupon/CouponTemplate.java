package com.loyalty.coupon;

import java.time.Instant;
import java.util.List;

/**
 * What a coupon gives and who may have it: the kind and its numbers, validity (a fixed window or
 * days after getting it), stock, per-member limit, minimum tier, stores, categories, channel.
 */
public record CouponTemplate(
        long id,
        long brandId,
        String name,
        Kind kind,
        Long amountOffCents,
        long thresholdCents,
        Integer percentOff,
        Long maxDiscountCents,
        String giftName,
        Instant validFrom,
        Instant validUntil,
        Integer validDays,
        Integer totalStock,
        int issued,
        int perMemberLimit,
        int minTierLevel,
        List<Long> storeIds,
        List<String> categories,
        Channel channel,
        boolean stackable,
        boolean claimable,
        Long pointsPrice,
        boolean enabled) {

    /** What the coupon takes off. */
    public enum Kind { AMOUNT_OFF, PERCENT_OFF, SHIPPING, GIFT }

    /** Where it can be used. */
    public enum Channel { STORE, ONLINE, BOTH }

    /** Stock left, or null when unlimited. */
    public Integer remainingStock() {
        return totalStock == null ? null : totalStock - issued;
    }

    /** When a coupon obtained at {@code at} stops being valid. */
    public Instant expiryFor(Instant at) {
        return validUntil != null ? validUntil : at.plus(java.time.Duration.ofDays(validDays));
    }

    /** When a coupon obtained at {@code at} starts being valid. */
    public Instant startFor(Instant at) {
        return validFrom != null && validFrom.isAfter(at) ? validFrom : at;
    }

    /** True while coupons of this template can be handed out. */
    public boolean obtainableAt(Instant at) {
        return enabled && (validUntil == null || validUntil.isAfter(at));
    }
}
