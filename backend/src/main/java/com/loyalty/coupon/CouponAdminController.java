package com.loyalty.coupon;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Coupon templates and packs as the people who run the programme list, read, edit and archive them. */
@Controller
class CouponAdminController {

    /** Who runs coupons: a manager for their store, marketers and admins for the brand. */
    private static final String RUNS_COUPONS = "hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')";

    private final CouponTemplateService templates;
    private final CouponPackService packs;

    CouponAdminController(CouponTemplateService templates, CouponPackService packs) {
        this.templates = templates;
        this.packs = packs;
    }

    @PreAuthorize(RUNS_COUPONS)
    @QueryMapping
    public Mono<Pages.Page<CouponTemplate>> couponTemplates(@Argument CouponTemplateFilter filter, @Argument Integer first,
                                                           @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return templates.page(viewer, filter, first, after);
    }

    @PreAuthorize(RUNS_COUPONS)
    @QueryMapping
    public Mono<CouponTemplate> couponTemplate(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return templates.find(viewer, id);
    }

    @PreAuthorize(RUNS_COUPONS)
    @QueryMapping
    public Mono<Pages.Page<CouponPack>> couponPacks(@Argument CouponPackFilter filter, @Argument Integer first,
                                                   @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return packs.page(viewer, filter, first, after);
    }

    @PreAuthorize(RUNS_COUPONS)
    @QueryMapping
    public Mono<CouponPack> couponPack(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return packs.find(viewer, id);
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponTemplatePayload> updateCouponTemplate(@Argument UpdateCouponTemplateInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return templates.update(viewer, input).map(CouponTemplatePayload::of)
                .transform(Payloads.recover(CouponTemplatePayload::failed));
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponTemplatePayload> archiveCouponTemplate(@Argument CouponTemplateIdInput input,
                                                             @AuthenticationPrincipal Viewer viewer) {
        return templates.setArchived(viewer, input.templateId(), true).map(CouponTemplatePayload::of)
                .transform(Payloads.recover(CouponTemplatePayload::failed));
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponTemplatePayload> unarchiveCouponTemplate(@Argument CouponTemplateIdInput input,
                                                               @AuthenticationPrincipal Viewer viewer) {
        return templates.setArchived(viewer, input.templateId(), false).map(CouponTemplatePayload::of)
                .transform(Payloads.recover(CouponTemplatePayload::failed));
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponPackPayload> updateCouponPack(@Argument UpdateCouponPackInput input,
                                                    @AuthenticationPrincipal Viewer viewer) {
        return packs.update(viewer, input).map(CouponPackPayload::of).transform(Payloads.recover(CouponPackPayload::failed));
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponPackPayload> archiveCouponPack(@Argument CouponPackIdInput input,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return packs.setArchived(viewer, input.packId(), true).map(CouponPackPayload::of)
                .transform(Payloads.recover(CouponPackPayload::failed));
    }

    @PreAuthorize(RUNS_COUPONS)
    @MutationMapping
    public Mono<CouponPackPayload> unarchiveCouponPack(@Argument CouponPackIdInput input,
                                                       @AuthenticationPrincipal Viewer viewer) {
        return packs.setArchived(viewer, input.packId(), false).map(CouponPackPayload::of)
                .transform(Payloads.recover(CouponPackPayload::failed));
    }

    /** Usage numbers of the templates on the page, in one query; members (coupon centre) get none. */
    @BatchMapping(typeName = "CouponTemplate")
    public Mono<Map<CouponTemplate, CouponTemplateUsage>> usage(List<CouponTemplate> list, Principal principal) {
        boolean staff = principal instanceof Authentication a && a.getPrincipal() instanceof Viewer v && v.role().isStaff();
        if (!staff) {
            return Mono.just(Map.of());
        }
        return templates.usage(list).map(byId -> list.stream()
                .collect(Collectors.toMap(t -> t, t -> byId.get(t.id()), (a, b) -> a)));
    }
}
