package com.loyalty.purchase;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Recording and refunding purchases at the till. */
@Controller
class PurchaseController {

    private final PurchaseService purchases;
    private final RefundService refunds;
    private final MemberService members;

    PurchaseController(PurchaseService purchases, RefundService refunds, MemberService members) {
        this.purchases = purchases;
        this.refunds = refunds;
        this.members = members;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN') or hasAuthority('SCOPE_purchases:write')")
    @MutationMapping
    public Mono<RecordPurchasePayload> recordPurchase(@Argument RecordPurchaseInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return purchases.record(viewer, input).transform(Payloads.recover(RecordPurchasePayload::failed));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN') or hasAuthority('SCOPE_purchases:refund')")
    @MutationMapping
    public Mono<RefundPurchasePayload> refundPurchase(@Argument RefundPurchaseInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        return refunds.refund(viewer, input).transform(Payloads.recover(RefundPurchasePayload::failed));
    }

    /** The member of each order; none for a guest order. */
    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, Member>> member(List<Purchase> orders) {
        List<Long> ids = orders.stream().filter(p -> !p.guest()).map(Purchase::memberId).distinct().toList();
        return (ids.isEmpty() ? Mono.just(Map.<Long, Member>of()) : members.findByIds(ids).collectMap(Member::id))
                .map(byId -> orders.stream().filter(p -> !p.guest() && byId.containsKey(p.memberId()))
                        .collect(Collectors.toMap(Function.identity(), p -> byId.get(p.memberId()), (a, b) -> a)));
    }

    @SchemaMapping(typeName = "Purchase")
    public boolean memberOrder(Purchase purchase) {
        return !purchase.guest();
    }
}
