package com.loyalty.purchase;

import com.loyalty.member.Member;
import reactor.core.publisher.Mono;

/** Other features' reactions to a recorded purchase, run inside the purchase's transaction. */
public interface PurchaseEvents {

    /** A new purchase was recorded (replays do not call this). */
    Mono<Void> purchaseRecorded(Purchase purchase, Member member);
}
