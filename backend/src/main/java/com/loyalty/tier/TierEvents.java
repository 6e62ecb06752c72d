package com.loyalty.tier;

import reactor.core.publisher.Mono;

/** Other features' reactions to a member's tier changing, run in the change's flow (webhooks). */
public interface TierEvents {

    /** The member's tier changed: an immediate upgrade after a purchase, or a monthly review. */
    default Mono<Void> tierChanged(long brandId, TierChange change) {
        return Mono.empty();
    }
}
