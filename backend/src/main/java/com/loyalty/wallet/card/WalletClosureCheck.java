package com.loyalty.wallet.card;

import com.loyalty.privacy.AccountClosureCheck;
import com.loyalty.shared.Money;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import java.time.Clock;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Holds back closing an account while its stored-value card holds money: the store refunds the
 * recharges first (unspent principal paid back, bonus forfeited), so the books stay whole.
 */
@Component
class WalletClosureCheck implements AccountClosureCheck {

    private final WalletCardRepository cards;
    private final Clock clock;

    public WalletClosureCheck(WalletCardRepository cards, Clock clock) {
        this.cards = cards;
        this.clock = clock;
    }

    @Override
    public Mono<Void> check(long memberId) {
        return cards.balance(memberId, clock.instant()).flatMap(wallet -> wallet.balanceCents() == 0 ? Mono.empty()
                : Mono.error(new BusinessException(ErrorCode.ACCOUNT_CLOSURE_BLOCKED,
                        "储值卡还有余额 " + Money.yuan(wallet.balanceCents()) + "，请先到门店办理储值退款（本金退还、赠送金额作废）后再注销")));
    }
}
