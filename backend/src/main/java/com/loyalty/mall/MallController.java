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

/** The mall as members use it: the shelf, an item, redeeming, their redemptions, cancelling. */
@Controller
class MallController {

    private final MallGoodsService goods;
    private final MallRedemptionService redemptions;

    MallController(MallGoodsService goods, MallRedemptionService redemptions) {
        this.goods = goods;
        this.redemptions = redemptions;
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Pages.Page<MallGoods>> mallGoods(@Argument Integer first, @Argument String after,
                                                 @AuthenticationPrincipal Viewer viewer) {
        return goods.shelf(viewer, first, after);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<MallGoods> mallItem(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return goods.findForMember(viewer, id);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Pages.Page<MallRedemption>> myMallRedemptions(@Argument MallRedemption.State state,
                                                              @Argument Integer first, @Argument String after,
                                                              @AuthenticationPrincipal Viewer viewer) {
        return redemptions.mine(viewer, state, first, after);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @MutationMapping
    public Mono<MallRedemptionPayload> redeemMallGoods(@Argument RedeemMallGoodsInput input,
                                                       @AuthenticationPrincipal Viewer viewer) {
        return redemptions.redeem(viewer, input).transform(Payloads.recover(MallRedemptionPayload::failed));
    }

    @PreAuthorize("hasAnyRole('MEMBER', 'CLERK', 'STORE_MANAGER', 'MARKETER', 'ADMIN')")
    @MutationMapping
    public Mono<MallRedemptionPayload> cancelMallRedemption(@Argument CancelMallRedemptionInput input,
                                                            @AuthenticationPrincipal Viewer viewer) {
        return redemptions.cancel(viewer, input).map(MallRedemptionPayload::of)
                .transform(Payloads.recover(MallRedemptionPayload::failed));
    }
}
