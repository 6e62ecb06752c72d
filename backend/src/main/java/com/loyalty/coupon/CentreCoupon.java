package com.loyalty.coupon;

/** A template in the coupon centre, and whether the viewing member may still get it. */
public record CentreCoupon(CouponTemplate template, int held, boolean available) {
}
