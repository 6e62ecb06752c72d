package com.loyalty.tier;

import com.loyalty.programme.TierRule;

/**
 * A member tier of the brand, as a rules version sets it: reached and kept by average monthly
 * spend; {@code priceDiscount} is what its members pay at the till in percent (95 = 95折).
 */
public record Tier(int level, String name, long thresholdCents, double pointsMultiplier, String benefits,
                   int priceDiscount) {

    static Tier of(TierRule rule) {
        return new Tier(rule.level(), rule.name(), rule.thresholdCents(), rule.pointsMultiplier(),
                String.join("、", rule.benefits()), rule.priceDiscount());
    }

    /** The tier discount on {@code cents}, rounded down. */
    public long discountOn(long cents) {
        return priceDiscount >= 100 || cents <= 0 ? 0 : cents * (100 - priceDiscount) / 100;
    }
}
