package com.loyalty.coupon;

/** For the till: one of the member's usable coupons and what it would do for the order at hand. */
public record CouponForOrder(MemberCoupon coupon, boolean applicable, long discountCents, String reason) {
}
