package com.loyalty.analytics.coupons;

import com.loyalty.analytics.shared.Ratios;
import java.time.LocalDate;

/** Coupons issued and redeemed from {@code start} to {@code end}, and the discount the redeemed ones gave. */
public record CouponFlow(LocalDate start, LocalDate end, long issued, long redeemed, long discountCents) {

    /** redeemed / issued in the same days; null when none were issued (may exceed 1). */
    public Double redemptionRate() {
        return Ratios.rate(redeemed, issued);
    }
}
