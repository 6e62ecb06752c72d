package com.loyalty.campaign;

/**
 * What a campaign did, treated members against the held-out control group over its window.
 * Revenue is order totals net of refunds; cost is coupon discounts on orders that used the
 * campaign's coupons plus the cash value of its points; uplift and ROI are null without a base.
 * skippedNoConsent: audience members left out because they had not consented to marketing.
 */
public record CampaignStats(
        long audience,
        long treated,
        long control,
        long reached,
        long couponsIssued,
        long couponsRedeemed,
        Double redemptionRate,
        long treatedOrders,
        long treatedRevenueCents,
        long controlOrders,
        long controlRevenueCents,
        Double revenuePerTreatedMemberCents,
        Double revenuePerControlMemberCents,
        Double uplift,
        long costCents,
        Double roi,
        long skippedNoConsent) {
}
