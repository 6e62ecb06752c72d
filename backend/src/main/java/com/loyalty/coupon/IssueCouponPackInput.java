package com.loyalty.coupon;

/** GraphQL input of {@code issueCouponPack}. */
public record IssueCouponPackInput(Long memberId, Long packId, String reason, String idempotencyKey) {
}
