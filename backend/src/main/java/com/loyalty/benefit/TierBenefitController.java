package com.loyalty.benefit;

import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Tier benefits in the console (marketers and admins set them, store managers read them) and on the
 * member's card ({@code myTierBenefits}).
 */
@Controller
class TierBenefitController {

    private final TierBenefitService benefits;

    TierBenefitController(TierBenefitService benefits) {
        this.benefits = benefits;
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<List<TierBenefits>> tierBenefits(@AuthenticationPrincipal Viewer viewer) {
        return benefits.current(viewer.brandId());
    }

    @PreAuthorize("hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Flux<TierBenefits> tierBenefitHistory(@Argument int tierLevel, @AuthenticationPrincipal Viewer viewer) {
        return benefits.history(viewer.brandId(), tierLevel);
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<TierBenefitsPayload> setTierBenefits(@Argument SetTierBenefitsInput input,
                                                     @AuthenticationPrincipal Viewer viewer) {
        return benefits.set(viewer, input).map(TierBenefitsPayload::of)
                .transform(Payloads.recover(TierBenefitsPayload::failed));
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<List<MyTierBenefit>> myTierBenefits(@AuthenticationPrincipal Viewer member) {
        return benefits.mine(member.id());
    }

    @SchemaMapping(typeName = "TierBenefits")
    public String tierName(TierBenefits version) {
        return benefits.tierName(version.tierLevel());
    }

    @BatchMapping(typeName = "TierBenefitItem")
    public Mono<Map<TierBenefits.Item, String>> couponName(List<TierBenefits.Item> items) {
        return benefits.couponNames(items);
    }
}
