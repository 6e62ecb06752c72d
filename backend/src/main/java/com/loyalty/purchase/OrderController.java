package com.loyalty.purchase;

import com.loyalty.coupon.CouponRedemption;
import com.loyalty.coupon.MemberCoupon;
import com.loyalty.shared.graphql.Pages;
import com.loyalty.shared.security.Viewer;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/** Orders to look at: the store's list and detail for staff, the member's own; an order's lines, refunds and coupons. */
@Controller
class OrderController {

    private final OrderQueries orders;
    private final PurchaseRepository purchases;
    private final CouponRedemption coupons;

    OrderController(OrderQueries orders, PurchaseRepository purchases, CouponRedemption coupons) {
        this.orders = orders;
        this.purchases = purchases;
        this.coupons = coupons;
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN') or hasAuthority('SCOPE_orders:read')")
    @QueryMapping
    public Mono<StoreOrderPage> storeOrders(@Argument Long storeId, @Argument StoreOrderFilter filter,
                                            @Argument Integer first, @Argument String after,
                                            @AuthenticationPrincipal Viewer viewer) {
        return orders.storeOrders(viewer, storeId, filter, first, after);
    }

    @PreAuthorize("hasAnyRole('CLERK', 'STORE_MANAGER', 'ADMIN') or hasAuthority('SCOPE_orders:read')")
    @QueryMapping
    public Mono<Purchase> storeOrder(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return orders.storeOrder(viewer, id);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Pages.Page<Purchase>> myOrders(@Argument Integer first, @Argument String after,
                                               @AuthenticationPrincipal Viewer viewer) {
        return orders.myOrders(viewer, first, after);
    }

    @PreAuthorize("hasRole('MEMBER')")
    @QueryMapping
    public Mono<Purchase> myOrder(@Argument long id, @AuthenticationPrincipal Viewer viewer) {
        return orders.myOrder(viewer, id);
    }

    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, List<PurchaseLine>>> items(List<Purchase> list) {
        return purchases.linesOf(ids(list)).collectMultimap(PurchaseLine::purchaseId)
                .map(byId -> byPurchase(list, id -> List.copyOf(byId.getOrDefault(id, List.of()))));
    }

    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, List<Refund>>> refunds(List<Purchase> list) {
        return purchases.refundsOf(ids(list)).collectMultimap(Refund::purchaseId)
                .map(byId -> byPurchase(list, id -> List.copyOf(byId.getOrDefault(id, List.of()))));
    }

    @BatchMapping(typeName = "Purchase")
    public Mono<Map<Purchase, List<MemberCoupon>>> coupons(List<Purchase> list) {
        return coupons.usedOn(ids(list)).map(byId -> byPurchase(list, id -> byId.getOrDefault(id, List.of())));
    }

    private static List<Long> ids(List<Purchase> list) {
        return list.stream().map(Purchase::id).distinct().toList();
    }

    private static <T> Map<Purchase, T> byPurchase(List<Purchase> list, Function<Long, T> valueOf) {
        return list.stream().collect(Collectors.toMap(Function.identity(), p -> valueOf.apply(p.id()), (a, b) -> a));
    }
}
