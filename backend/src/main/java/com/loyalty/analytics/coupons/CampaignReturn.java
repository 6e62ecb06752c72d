package com.loyalty.analytics.coupons;

import java.time.Instant;

/**
 * What a campaign brought in and cost, over its whole window, brand-wide: the revenue it added
 * (treated members' revenue per member above the control group's, times the treated members),
 * its cost (coupon discounts plus its points at their cash value) and ROI = (added - cost) / cost,
 * as on the campaign's own stats.
 */
public record CampaignReturn(long campaignId, String name, String benefit, Instant startsAt, Instant endsAt,
                             long treated, long control, long couponsIssued, long couponsRedeemed,
                             long treatedRevenueCents, long controlRevenueCents, Long attributedRevenueCents,
                             long discountCostCents, long pointsCostCents, long costCents, Double roi) {
}
