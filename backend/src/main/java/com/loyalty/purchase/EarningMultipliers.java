package com.loyalty.purchase;

import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Another feature's multiplier on the points a member earns with a purchase, such as a campaign's
 * double points (campaign/). Without one, purchases earn at 1x (times the member's tier).
 */
public interface EarningMultipliers {

    /** The multiplier on points the member earns at {@code at}; 1 when none applies. */
    Mono<Double> multiplierFor(long memberId, Instant at);
}
