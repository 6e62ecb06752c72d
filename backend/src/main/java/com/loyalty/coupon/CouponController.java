package com.loyalty.coupon;

import com.loyalty.audit.StaffAuditLog;
import com.loyalty.member.Member;
import com.loyalty.member.MemberService;
import com.loyalty.shared.EarlyAccessWindow;
import com.loyalty.shared.graphql.BadArgumentException;
import com.loyalty.shared.graphql.BusinessException;
import com.loyalty.store.StoreScope;
import java.time.Clock;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Coupon templates, the coupon centre, and members' coupons. */
@Controller
class CouponController {

    /** Audit action of a machine client's read of a member's coupons for an order. */
    static final String CLIENT_READ_COUPONS = "CLIENT_READ_COUPONS";

    private final CouponService coupons;
    private final CouponTemplateService templates;
    private final CouponQueries queries;
    private final CouponPackService packs;
    private final CouponRedemption redemption;
    private final MemberService members;
    private final StoreScope storeScope;
    private final StaffAuditLog audit;
    private final Clock clock;

    CouponController(CouponService coupons, CouponTemplateService templates, CouponQueries queries,
                            CouponPackService packs, CouponRedemption redemption, MemberService members,
                            StoreScope storeScope, StaffAuditLog audit, Clock clock) {
        this.coupons = coupons;
        this.templates = templates;
        this.queries = queries;
        this.packs = packs;
        this.redemption = redemption;
        this.members = members;
        this.storeScope = storeScope;
        this.audit = audit;
        this.clock = clock;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<CouponPackPayload> createCouponPack(@Argument CreateCouponPackInput input,
                                                    @AuthenticationPrincipal Viewer viewer) {
        return packs.create(viewer, input).map(CouponPackPayload::of).transform(Payloads.recover(CouponPackPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<IssueCouponPackPayload> issueCouponPack(@Argument IssueCouponPackInput input,
                                                        @AuthenticationPrincipal Viewer viewer) {
        return packs.issue(viewer, input).map(IssueCouponPackPayload::of)
                .transform(Payloads.recover(IssueCouponPackPayload::failed));
    }

    /** For the till: which of the member's coupons apply to the order being rung up. */
    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN') or hasAuthority('SCOPE_coupons:redeem')")
    @QueryMapping
    public Mono<List<CouponForOrder>> couponsForOrder(@Argument CouponsForOrderInput input,
                                                      @AuthenticationPrincipal Viewer viewer) {
        input.checked();
        return storeScope.storeFor(viewer, input.storeId())
                .flatMap(store -> members.requireInBrand(viewer.brandId(), input.memberId(), "memberId")
                        .flatMap(member -> redemption.assess(member.id(), store, "ONLINE".equals(input.channel()),
                                input.amountCents() == null ? 0 : input.amountCents(), input.lines(), clock.instant())
                                .flatMap(found -> audit.recordClientRead(viewer, store, CLIENT_READ_COUPONS, member.id(),
                                        found.size() + " coupons for an order of " + input.amountCents() + " cents")
                                        .thenReturn(found))))
                .onErrorMap(BusinessException.class, e -> new BadArgumentException(e.error().message()));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<CouponTemplatePayload> createCouponTemplate(@Argument CreateCouponTemplateInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return templates.create(viewer, input).map(CouponTemplatePayload::of)
                .transform(Payloads.recover(CouponTemplatePayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<CouponPayload> claimCoupon(@Argument GetCouponInput input, @AuthenticationPrincipal Viewer viewer) {
        return coupons.claim(viewer, input.templateId(), input.idempotencyKey()).map(CouponPayload::of)
                .onErrorResume(CouponNotYetOpen.class, e -> Mono.just(CouponPayload.notYetOpen(e)))
                .transform(Payloads.recover(CouponPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<CouponPayload> exchangeCoupon(@Argument GetCouponInput input, @AuthenticationPrincipal Viewer viewer) {
        return coupons.exchange(viewer, input.templateId(), input.idempotencyKey()).map(CouponPayload::of)
                .onErrorResume(CouponNotYetOpen.class, e -> Mono.just(CouponPayload.notYetOpen(e)))
                .transform(Payloads.recover(CouponPayload::failed));
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<CouponPayload> issueCoupon(@Argument IssueCouponInput input, @AuthenticationPrincipal Viewer viewer) {
        return coupons.issue(viewer, input.memberId(), input.templateId(), input.idempotencyKey(), input.reason())
                .map(CouponPayload::of).transform(Payloads.recover(CouponPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<List<CentreCoupon>> couponCentre(@AuthenticationPrincipal Viewer viewer) {
        return queries.centre(viewer);
    }

    /** A member's own coupons; staff see a member's usable coupons at the till. */
    @SchemaMapping(typeName = "Member")
    public Mono<Pages.Page<MemberCoupon>> coupons(Member member, @Argument MemberCoupon.Status status,
                                                 @Argument Integer first, @Argument String after,
                                                 @AuthenticationPrincipal Viewer viewer) {
        boolean self = viewer != null && viewer.role() == Role.MEMBER && viewer.id() == member.id();
        boolean staffAtTill = viewer != null && viewer.role().isStaff() && viewer.brandId() == member.brandId()
                && (status == null || status == MemberCoupon.Status.USABLE);
        if (!self && !staffAtTill) {
            throw new AccessDeniedException("only the member sees all their coupons");
        }
        return queries.coupons(member.id(), status, first, after);
    }

    /** The usable coupons on an API client's member summary (its backing object is the Member), for the till. */
    @SchemaMapping(typeName = "MemberSummary", field = "coupons")
    public Mono<Pages.Page<MemberCoupon>> summaryCoupons(Member member, @Argument Integer first, @Argument String after) {
        return queries.coupons(member.id(), MemberCoupon.Status.USABLE, first, after);
    }

    @BatchMapping(typeName = "Coupon")
    public Mono<Map<MemberCoupon, CouponTemplate>> template(List<MemberCoupon> list) {
        return queries.templates(list.stream().map(MemberCoupon::templateId).distinct().toList())
                .map(byId -> list.stream().collect(Collectors.toMap(c -> c, c -> byId.get(c.templateId()), (a, b) -> a)));
    }

    /** Stock left of the templates in the answer, counted in one query; null (absent) when unlimited. */
    @BatchMapping(typeName = "CouponTemplate")
    public Mono<Map<CouponTemplate, Integer>> remainingStock(List<CouponTemplate> list) {
        return queries.issued(list).map(issued -> {
            Map<CouponTemplate, Integer> left = new java.util.HashMap<>();
            list.stream().filter(CouponTemplate::stocked)
                    .forEach(t -> left.put(t, t.remainingStock(issued.getOrDefault(t.id(), 0L))));
            return left;
        });
    }

    @SchemaMapping(typeName = "Coupon")
    public MemberCoupon.Status status(MemberCoupon coupon) {
        return queries.status(coupon);
    }

    /** Where claiming the template stands now: before its early start, its early tiers only, or everyone. */
    @SchemaMapping(typeName = "CouponTemplate")
    public EarlyAccessWindow.Phase claimPhase(CouponTemplate template) {
        return template.phaseAt(clock.instant());
    }

    /** The early tiers' names as the rules in force now call them. */
    @SchemaMapping(typeName = "CouponEarlyAccess")
    public List<String> tierNames(CouponEarlyAccess early) {
        return queries.tierNames(early);
    }
}
