package com.loyalty.coupon;

import java.util.List;

/** Coupons that apply to an order and what they take off it in total. */
public record AppliedCoupons(List<Long> couponIds, long discountCents) {

    public static final AppliedCoupons NONE = new AppliedCoupons(List.of(), 0);
}
