package com.loyalty.points;

import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import com.loyalty.staff.StaffRef;
import com.loyalty.staff.StaffService;
import com.loyalty.store.Store;
import com.loyalty.store.StoreService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** A member's points: balance, what expires soon, history; manual adjustments and their approvals. */
@Controller
class PointsController {

    private final PointsQueries queries;
    private final PointsAdjustmentService adjustments;
    private final MemberService memberService;
    private final StoreService stores;

    private final StaffService staff;

    PointsController(PointsQueries queries, PointsAdjustmentService adjustments, MemberService memberService,
                            StoreService stores, StaffService staff) {
        this.staff = staff;
        this.queries = queries;
        this.adjustments = adjustments;
        this.memberService = memberService;
        this.stores = stores;
    }

    /** The store of each points entry, loaded for a whole page at once. */
    @BatchMapping(typeName = "PointsEntry", field = "store")
    public Mono<Map<LedgerEntry, Store>> pointsEntryStore(List<LedgerEntry> entries) {
        List<Long> ids = entries.stream().map(LedgerEntry::storeId).filter(Objects::nonNull).distinct().toList();
        return stores.findByIds(ids).collectMap(Store::id).map(byId -> {
            Map<LedgerEntry, Store> result = new HashMap<>();
            entries.forEach(e -> {
                if (e.storeId() != null && byId.containsKey(e.storeId())) {
                    result.put(e, byId.get(e.storeId()));
                }
            });
            return result;
        });
    }

    @BatchMapping(typeName = "Member")
    public Mono<Map<Member, Long>> pointsBalance(List<Member> members) {
        return queries.balances(members.stream().map(Member::id).toList())
                .map(balances -> members.stream().collect(Collectors.toMap(Function.identity(),
                        m -> balances.getOrDefault(m.id(), 0L), (a, b) -> a)));
    }

    /** The balance on an API client's member summary (its backing object is the Member). */
    @SchemaMapping(typeName = "MemberSummary", field = "pointsBalance")
    public Mono<Long> summaryPointsBalance(Member member) {
        return queries.balances(List.of(member.id())).map(balances -> balances.getOrDefault(member.id(), 0L));
    }

    @SchemaMapping(typeName = "Member")
    public Mono<List<ExpiringPoints>> pointsExpiringSoon(Member member) {
        return queries.expiringSoon(member.id());
    }

    @SchemaMapping(typeName = "Member")
    public Mono<Pages.Page<LedgerEntry>> pointsHistory(Member member, @Argument Integer first, @Argument String after) {
        return queries.history(member.id(), first, after);
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<AdjustPointsPayload> adjustPoints(@Argument AdjustPointsInput input,
                                                  @AuthenticationPrincipal Viewer viewer) {
        return adjustments.adjust(viewer, input).transform(Payloads.recover(AdjustPointsPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<PointsApproval>> pointsApprovals(@Argument PointsApproval.Status status,
                                                            @Argument Integer first, @Argument String after,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return adjustments.list(viewer, status, first, after);
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<PointsApprovalPayload> approvePointsAdjustment(@Argument DecidePointsApprovalInput input,
                                                               @AuthenticationPrincipal Viewer viewer) {
        return adjustments.approve(viewer, input.approvalId(), input.note()).map(PointsApprovalPayload::of)
                .transform(Payloads.recover(PointsApprovalPayload::failed));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @MutationMapping
    public Mono<PointsApprovalPayload> rejectPointsAdjustment(@Argument DecidePointsApprovalInput input,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return adjustments.reject(viewer, input.approvalId(), input.note()).map(PointsApprovalPayload::of)
                .transform(Payloads.recover(PointsApprovalPayload::failed));
    }

    @BatchMapping(typeName = "PointsApproval")
    public Mono<Map<PointsApproval, Member>> member(List<PointsApproval> list) {
        return memberService.findByIds(list.stream().map(PointsApproval::memberId).distinct().toList())
                .collectMap(Member::id)
                .map(byId -> list.stream().filter(a -> byId.containsKey(a.memberId()))
                        .collect(Collectors.toMap(Function.identity(), a -> byId.get(a.memberId()), (a, b) -> a)));
    }

    /** Who asked for each approval, for the whole page in one query. */
    @BatchMapping(typeName = "PointsApproval")
    public Mono<Map<PointsApproval, StaffRef>> requestedByStaff(List<PointsApproval> list) {
        return staffOf(list, PointsApproval::requestedBy);
    }

    /** Who decided each approval (none while pending), for the whole page in one query. */
    @BatchMapping(typeName = "PointsApproval")
    public Mono<Map<PointsApproval, StaffRef>> decidedByStaff(List<PointsApproval> list) {
        return staffOf(list, PointsApproval::decidedBy);
    }

    private Mono<Map<PointsApproval, StaffRef>> staffOf(List<PointsApproval> list, Function<PointsApproval, Long> who) {
        if (list.isEmpty()) {
            return Mono.just(Map.of());
        }
        return staff.refs(list.get(0).brandId(), list.stream().map(who).filter(Objects::nonNull).distinct().toList())
                .map(byId -> list.stream().filter(a -> who.apply(a) != null && byId.containsKey(who.apply(a)))
                        .collect(Collectors.toMap(Function.identity(), a -> byId.get(who.apply(a)), (a, b) -> a)));
    }
}
