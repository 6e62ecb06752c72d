package com.loyalty.mall;

import com.loyalty.shared.security.Role;
import com.loyalty.shared.security.Viewer;
import com.loyalty.store.StoreService;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Fields of goods and redemptions that depend on who asks or need another query (batched per page). */
@Controller
class MallFieldsController {

    private final MallGoodsService goods;
    private final MallRedemptionService redemptions;
    private final StoreService stores;
    private final Clock clock;

    MallFieldsController(MallGoodsService goods, MallRedemptionService redemptions, StoreService stores, Clock clock) {
        this.goods = goods;
        this.redemptions = redemptions;
        this.stores = stores;
        this.clock = clock;
    }

    private static Viewer viewerOf(Principal principal) {
        return principal instanceof Authentication a && a.getPrincipal() instanceof Viewer v ? v : null;
    }

    private static boolean staff(Principal principal) {
        Viewer v = viewerOf(principal);
        return v != null && v.role().isStaff();
    }

    @SchemaMapping(typeName = "MallGoods")
    public boolean earlyAccessNow(MallGoods g) {
        return g.earlyAccessAt(clock.instant());
    }

    @SchemaMapping(typeName = "MallGoods")
    public boolean tierOnly(MallGoods g) {
        return g.tierOnly();
    }

    /** For a member: whether they may redeem each item on the page now (one tier read, one count query). */
    @BatchMapping(typeName = "MallGoods")
    public Mono<Map<MallGoods, MallGoodsForMember>> forMe(List<MallGoods> list, Principal principal) {
        Viewer v = viewerOf(principal);
        if (v == null || v.role() != Role.MEMBER) {
            return Mono.just(Map.of());
        }
        return redemptions.forMember(v, list);
    }

    @BatchMapping(typeName = "MallGoods")
    public Mono<Map<MallGoods, Integer>> redeemedCount(List<MallGoods> list, Principal principal) {
        if (!staff(principal)) {
            return Mono.just(Map.of());
        }
        return redemptions.redeemedCounts(list).map(counts -> list.stream()
                .collect(Collectors.toMap(g -> g, g -> counts.getOrDefault(g.id(), 0L).intValue(), (a, b) -> a)));
    }

    @BatchMapping(typeName = "MallGoods")
    public Mono<Map<MallGoods, List<MallStoreStock>>> storeStocks(List<MallGoods> list) {
        return goods.storeStocks(list).map(rows -> list.stream().collect(Collectors.toMap(g -> g,
                g -> rows.stream().filter(r -> r.goodsId() == g.id()).toList(), (a, b) -> a)));
    }

    @BatchMapping(typeName = "MallGoods")
    public Mono<Map<MallGoods, List<MallStoreStock>>> pickupStores(List<MallGoods> list) {
        return goods.pickupStores(list);
    }

    /** The code only for the member whose redemption it is, while it awaits pickup. */
    @SchemaMapping(typeName = "MallRedemption")
    public String pickupCode(MallRedemption r, Principal principal) {
        Viewer v = viewerOf(principal);
        return v != null && v.role() == Role.MEMBER && v.id() == r.memberId()
                && r.state() == MallRedemption.State.AWAITING_PICKUP ? r.pickupCode() : null;
    }

    /** The member sees the address they gave; staff its masked form. */
    @SchemaMapping(typeName = "MallRedemption")
    public String address(MallRedemption r, Principal principal) {
        Viewer v = viewerOf(principal);
        if (v != null && v.role() == Role.MEMBER && v.id() == r.memberId()) {
            return redemptions.address(r);
        }
        return r.addressMasked();
    }

    @SchemaMapping(typeName = "MallRedemption")
    public Long memberId(MallRedemption r, Principal principal) {
        return staff(principal) ? r.memberId() : null;
    }

    @BatchMapping(typeName = "MallRedemption")
    public Mono<Map<MallRedemption, String>> pickupStoreName(List<MallRedemption> list) {
        List<Long> ids = list.stream().map(MallRedemption::pickupStoreId).filter(java.util.Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return Mono.just(Map.of());
        }
        return stores.findByIds(ids).collectMap(s -> s.id(), s -> s.name())
                .map(names -> list.stream().filter(r -> r.pickupStoreId() != null && names.containsKey(r.pickupStoreId()))
                        .collect(Collectors.toMap(r -> r, r -> names.get(r.pickupStoreId()), (a, b) -> a)));
    }
}
