package com.loyalty.mall;

import com.loyalty.privacy.AccountErasure;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * An erased member's redemptions lose the delivery address (sealed and masked alike), its tracking
 * number and the reason they gave for cancelling; the redemption itself and its points ledger
 * entries stay for the books.
 */
@Component
class MallErasure implements AccountErasure {

    private final MallRedemptionRepository redemptions;

    MallErasure(MallRedemptionRepository redemptions) {
        this.redemptions = redemptions;
    }

    @Override
    public Mono<Void> memberErased(long memberId) {
        return redemptions.forget(memberId).then();
    }
}
