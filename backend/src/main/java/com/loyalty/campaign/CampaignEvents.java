package com.loyalty.campaign;

import reactor.core.publisher.Mono;

/** Other features' reactions to a campaign's life cycle (webhooks). */
public interface CampaignEvents {

    /** The campaign ended: by a manager, or when its end time passed. */
    default Mono<Void> campaignEnded(Campaign campaign) {
        return Mono.empty();
    }
}
