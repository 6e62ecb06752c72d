package com.loyalty.purchase;

import com.loyalty.member.Member;
import reactor.core.publisher.Mono;

/** Other features' reactions to a recorded purchase or refund, run inside its transaction. */
public interface PurchaseEvents {

    /** A new purchase of a member was recorded (replays do not call this). */
    Mono<Void> purchaseRecorded(Purchase purchase, Member member);

    /** A new guest (non-member) order was recorded (replays do not call this). */
    default Mono<Void> guestPurchaseRecorded(Purchase purchase) {
        return Mono.empty();
    }

    /**
     * A new refund was recorded (replays do not call this); {@code purchase} includes it in
     * refundedCents. For a guest order {@code purchase.memberId()} is null.
     */
    default Mono<Void> purchaseRefunded(Purchase purchase, Refund refund) {
        return Mono.empty();
    }
}
