package com.loyalty.wallet;

import reactor.core.publisher.Mono;

/** Other features' reactions to a member's stored value moving, run in the same transaction (webhooks). */
public interface WalletEvents {

    /** A transaction of the stored-value books changed the member's balance. */
    default Mono<Void> walletChanged(WalletChange change) {
        return Mono.empty();
    }
}
