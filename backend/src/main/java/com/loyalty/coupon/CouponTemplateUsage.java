package com.loyalty.coupon;

/**
 * How much a template has been used: coupons handed out (claimed, bought, issued, in packs and
 * campaigns), coupons redeemed at the till, and stock left (null when unlimited).
 */
public record CouponTemplateUsage(long issued, long redeemed, Integer remainingStock) {
}
