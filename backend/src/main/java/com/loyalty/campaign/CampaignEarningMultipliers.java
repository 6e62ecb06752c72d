package com.loyalty.campaign;

import com.loyalty.purchase.EarningMultipliers;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * A MULTIPLIER campaign's benefit: purchases of its reached, treated members earn more points in its
 * window (on its member day only, for a member-day campaign); the largest multiplier wins.
 */
@Component
class CampaignEarningMultipliers implements EarningMultipliers {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CampaignEarningMultipliers(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public Mono<Double> multiplierFor(long memberId, Instant at) {
        return campaigns.activeMultiplier(memberId, at, clock.getZone());
    }
}
