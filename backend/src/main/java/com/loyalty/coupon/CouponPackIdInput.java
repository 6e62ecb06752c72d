package com.loyalty.coupon;

/** GraphQL input of {@code archiveCouponPack} and {@code unarchiveCouponPack}. */
public record CouponPackIdInput(Long packId) {
}
