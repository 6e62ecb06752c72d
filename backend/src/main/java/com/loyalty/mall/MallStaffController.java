package com.loyalty.mall;

import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.graphql.Payloads;
import com.loyalty.shared.security.Viewer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Redemptions as staff handle them: the list, the pickup at the till, shipping. */
@Controller
class MallStaffController {

    private final MallRedemptionService redemptions;

    MallStaffController(MallRedemptionService redemptions) {
        this.redemptions = redemptions;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @QueryMapping
    public Mono<Pages.Page<MallRedemption>> mallRedemptions(@Argument MallRedemptionFilter filter, @Argument Integer first,
                                                            @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return redemptions.page(viewer, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @QueryMapping
    public Mono<MallRedemption> mallPickup(@Argument MallPickupInput input, @AuthenticationPrincipal Viewer viewer) {
        return redemptions.pickup(viewer, input)
                // an unknown code reads as nothing found; another store's code is a GraphQL error with its message
                .onErrorResume(com.loyalty.shared.graphql.BusinessException.class,
                        e -> e.error().code() == com.loyalty.shared.graphql.ErrorCode.MALL_REDEMPTION_NOT_FOUND
                                ? Mono.empty() : Mono.error(e));
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN')")
    @MutationMapping
    public Mono<MallRedemptionPayload> completeMallPickup(@Argument MallPickupInput input,
                                                          @AuthenticationPrincipal Viewer viewer) {
        return redemptions.completePickup(viewer, input).map(MallRedemptionPayload::of)
                .transform(Payloads.recover(MallRedemptionPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<MallRedemptionPayload> shipMallRedemption(@Argument ShipMallRedemptionInput input,
                                                          @AuthenticationPrincipal Viewer viewer) {
        return redemptions.ship(viewer, input).map(MallRedemptionPayload::of)
                .transform(Payloads.recover(MallRedemptionPayload::failed));
    }
}
