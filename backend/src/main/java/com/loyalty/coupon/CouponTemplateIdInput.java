package com.loyalty.coupon;

/** GraphQL input of {@code archiveCouponTemplate} and {@code unarchiveCouponTemplate}. */
public record CouponTemplateIdInput(Long templateId) {
}
