package com.loyalty.coupon;

/** GraphQL input of {@code issueCoupon}. */
public record IssueCouponInput(Long memberId, Long templateId, String reason, String idempotencyKey) {
}
