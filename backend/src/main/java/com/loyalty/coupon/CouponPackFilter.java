package com.loyalty.coupon;

/** GraphQL input of {@code couponPacks(filter:)}; null fields leave the list open. */
public record CouponPackFilter(CouponTemplateFilter.ArchiveStatus status, String search) {

    static CouponPackFilter none() {
        return new CouponPackFilter(null, null);
    }
}
