package com.loyalty.benefit;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One benefit of the member's tier as the card shows it this business month: the coupon template,
 * how many, and where they stand ({@code validUntil} of the coupons given, null when not given).
 */
public record MyTierBenefit(long couponTemplateId, String name, int quantity, State state, LocalDate month,
                            Instant validUntil) {

    /**
     * ISSUED: given and usable; USED: all used; EXPIRED: given, none usable, not all used;
     * NOT_YET: not given this month yet (on the 1st, or at once on an upgrade).
     */
    public enum State { ISSUED, USED, EXPIRED, NOT_YET }
}
