package com.loyalty.coupon;

/** GraphQL input of {@code claimCoupon} and {@code exchangeCoupon}. */
public record GetCouponInput(Long templateId, String idempotencyKey) {
}
