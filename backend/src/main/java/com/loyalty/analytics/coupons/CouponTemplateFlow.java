package com.loyalty.analytics.coupons;

import com.loyalty.analytics.shared.Ratios;

/** One coupon template's coupons issued and redeemed over the range, and the discount they gave. */
public record CouponTemplateFlow(long templateId, String name, String kind, long issued, long redeemed,
                                 long discountCents) {

    /** redeemed / issued; null when none were issued. */
    public Double redemptionRate() {
        return Ratios.rate(redeemed, issued);
    }
}
