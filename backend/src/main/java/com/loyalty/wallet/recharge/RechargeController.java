package com.loyalty.wallet.recharge;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Recharges at the till and refunds of recharges. */
@Controller
class RechargeController {

    private final TillRecharges tillRecharges;
    private final RechargeRefunds refunds;

    RechargeController(TillRecharges tillRecharges, RechargeRefunds refunds) {
        this.tillRecharges = tillRecharges;
        this.refunds = refunds;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePayload> rechargeAtTill(@Argument RechargeAtTillInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return tillRecharges.recharge(viewer, input).transform(Payloads.recover(RechargePayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<RechargePayload> refundRecharge(@Argument RefundRechargeInput input,
                                                @AuthenticationPrincipal Viewer viewer) {
        return refunds.refund(viewer, input).transform(Payloads.recover(RechargePayload::failed));
    }
}
