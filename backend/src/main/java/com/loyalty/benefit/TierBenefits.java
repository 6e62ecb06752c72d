package com.loyalty.benefit;

import java.time.Instant;
import java.util.List;

/**
 * One version of a tier's monthly benefits: the coupon templates (and how many of each) its members
 * get each business month. {@code id} is null for a tier that never had any.
 */
public record TierBenefits(Long id, int tierLevel, int version, List<Item> items, Long changedBy, Instant changedAt) {

    /** A coupon template and how many of it a member gets a month. */
    public record Item(long couponTemplateId, int quantity) {
    }

    static TierBenefits none(int tierLevel) {
        return new TierBenefits(null, tierLevel, 0, List.of(), null, null);
    }
}
