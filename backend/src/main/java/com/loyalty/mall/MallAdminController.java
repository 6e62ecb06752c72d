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

/** Goods as the people who run the mall list, read, create, edit, put on sale, pause and archive them. */
@Controller
class MallAdminController {

    /** Who runs the mall: the brand's marketers and admins. */
    private static final String RUNS_MALL = "hasAnyRole('MARKETER', 'ADMIN')";
    /** Who reads the goods: also store managers, whose tills hand them over. */
    private static final String READS_MALL = "hasAnyRole('STORE_MANAGER', 'MARKETER', 'ADMIN')";

    private final MallGoodsService goods;

    MallAdminController(MallGoodsService goods) {
        this.goods = goods;
    }

    @PreAuthorize(READS_MALL)
    @QueryMapping
    public Mono<Pages.Page<MallGoods>> managedMallGoods(@Argument MallGoodsFilter filter, @Argument Integer first,
                                                        @Argument String after, @AuthenticationPrincipal Viewer viewer) {
        return goods.page(viewer, filter, first, after);
    }

    @PreAuthorize(READS_MALL)
    @QueryMapping
    public Mono<MallGoods> managedMallItem(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return goods.find(viewer, id);
    }

    @PreAuthorize(RUNS_MALL)
    @MutationMapping
    public Mono<MallGoodsPayload> createMallGoods(@Argument CreateMallGoodsInput input, @AuthenticationPrincipal Viewer viewer) {
        return goods.create(viewer, input).map(MallGoodsPayload::of).transform(Payloads.recover(MallGoodsPayload::failed));
    }

    @PreAuthorize(RUNS_MALL)
    @MutationMapping
    public Mono<MallGoodsPayload> updateMallGoods(@Argument UpdateMallGoodsInput input, @AuthenticationPrincipal Viewer viewer) {
        return goods.update(viewer, input).map(MallGoodsPayload::of).transform(Payloads.recover(MallGoodsPayload::failed));
    }

    @PreAuthorize(RUNS_MALL)
    @MutationMapping
    public Mono<MallGoodsPayload> publishMallGoods(@Argument MallGoodsIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return status(viewer, input, MallGoods.Status.ON_SALE);
    }

    @PreAuthorize(RUNS_MALL)
    @MutationMapping
    public Mono<MallGoodsPayload> pauseMallGoods(@Argument MallGoodsIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return status(viewer, input, MallGoods.Status.PAUSED);
    }

    @PreAuthorize(RUNS_MALL)
    @MutationMapping
    public Mono<MallGoodsPayload> archiveMallGoods(@Argument MallGoodsIdInput input, @AuthenticationPrincipal Viewer viewer) {
        return status(viewer, input, MallGoods.Status.ARCHIVED);
    }

    private Mono<MallGoodsPayload> status(Viewer viewer, MallGoodsIdInput input, MallGoods.Status to) {
        return goods.setStatus(viewer, input.goodsId(), to).map(MallGoodsPayload::of)
                .transform(Payloads.recover(MallGoodsPayload::failed));
    }
}
