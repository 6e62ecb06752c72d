package com.loyalty.mall;

import com.loyalty.privacy.AccountClosureCheck;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.shared.graphql.ErrorCode;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Holds back closing an account while a mall redemption of the member is still to be handed over: the
 * parcel needs the address erasure would remove, the pickup the member who can no longer sign in.
 * The member picks it up, waits for the parcel, or cancels it (points back) first.
 */
@Component
class MallClosureCheck implements AccountClosureCheck {

    private final MallRedemptionRepository redemptions;

    MallClosureCheck(MallRedemptionRepository redemptions) {
        this.redemptions = redemptions;
    }

    @Override
    public Mono<Void> check(long memberId) {
        return redemptions.openOf(memberId).flatMap(open -> open == 0 ? Mono.empty()
                : Mono.error(new BusinessException(ErrorCode.ACCOUNT_CLOSURE_BLOCKED, "你有 " + open
                        + " 份积分商城兑换尚未完成（待提货或待发货），请先提货、等待发货或在“我的兑换”中取消后再注销")));
    }
}
