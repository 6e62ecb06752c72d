package com.loyalty.campaign;

import com.loyalty.notify.OutboxCounts;

/**
 * What a campaign did, treated members against the held-out control group over its window.
 * Revenue is order totals net of refunds; cost is coupon discounts on orders that used the
 * campaign's coupons plus the cash value of its points; uplift and ROI are null without a base.
 * skippedNoConsent: audience members left out because they had not consented to marketing.
 * messages*: the campaign's messages in the outbox: queued in all, sent, failed, still pending, and
 * skipped by the sender (no phone, or marketing consent withdrawn before sending).
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
        long skippedNoConsent,
        long messagesQueued,
        long messagesSent,
        long messagesFailed,
        long messagesPending,
        long messagesSkippedNoConsent) {

    /** The stats with how the campaign's messages stand in the outbox. */
    CampaignStats withMessages(OutboxCounts m) {
        return new CampaignStats(audience, treated, control, reached, couponsIssued, couponsRedeemed, redemptionRate,
                treatedOrders, treatedRevenueCents, controlOrders, controlRevenueCents, revenuePerTreatedMemberCents,
                revenuePerControlMemberCents, uplift, costCents, roi, skippedNoConsent, m.queued(), m.sent(), m.failed(),
                m.pending(), m.skipped());
    }
}
