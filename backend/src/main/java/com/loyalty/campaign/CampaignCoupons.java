package com.loyalty.campaign;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** What a campaign's coupons came to, for reports outside the campaign module (the analytics' campaign returns). */
@Service
public class CampaignCoupons {

    private final CampaignRepository campaigns;

    public CampaignCoupons(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** The discount on the orders that redeemed the campaign's coupons, in cents: the coupons' part of its cost. */
    public Mono<Long> discountCents(long campaignId) {
        return campaigns.couponCounts(campaignId).map(CampaignRepository.CouponCounts::discountCents);
    }
}
