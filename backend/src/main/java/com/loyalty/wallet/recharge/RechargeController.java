package com.loyalty.wallet.recharge;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Payloads;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
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
    private final MemberService members;

    RechargeController(TillRecharges tillRecharges, RechargeRefunds refunds, MemberService members) {
        this.tillRecharges = tillRecharges;
        this.refunds = refunds;
        this.members = members;
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

    /** Whose card each recharge credited, so the clerk sees who the scanned code belonged to. */
    @BatchMapping(typeName = "Recharge")
    public Mono<Map<Recharge, Member>> member(List<Recharge> recharges) {
        return members.findByIds(recharges.stream().map(Recharge::memberId).distinct().toList())
                .collectMap(Member::id)
                .map(byId -> recharges.stream().filter(r -> byId.containsKey(r.memberId()))
                        .collect(Collectors.toMap(Function.identity(), r -> byId.get(r.memberId()), (a, b) -> a)));
    }
}
