package com.loyalty.stamp;

/**
 * The terms of a stamp card as createStampCard takes them, and as updateStampCard's fields fill in
 * over the current ones.
 */
public record StampCardInput(String name, Long storeId, Integer stampsNeeded, String category, Long minPaidCents,
                             StampCard.Period period, Integer periodDays, Long rewardPoints,
                             Long rewardCouponTemplateId) {
}
