package com.loyalty.programme;

import java.util.List;

/**
 * One tier of a rules version.
 *
 * @param level            0 (on registration) upwards
 * @param thresholdCents   average monthly spend over the window that reaches and keeps the tier
 * @param pointsMultiplier points earned are multiplied by this (at least 1)
 * @param priceDiscount    the price members of the tier pay, in percent (95 = 95折); 100: no discount
 * @param benefits         what the tier gives, one line each, for members
 */
public record TierRule(int level, String name, long thresholdCents, double pointsMultiplier, int priceDiscount,
                       List<String> benefits) {

    /** The tier discount on {@code cents}, rounded down (the member pays the rest). */
    public long discountOn(long cents) {
        return priceDiscount >= 100 || cents <= 0 ? 0 : cents * (100 - priceDiscount) / 100;
    }
}
