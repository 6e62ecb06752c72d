package com.loyalty.coupon;

import java.util.List;

/** GraphQL input of {@code couponsForOrder}: the order being rung up. */
public record CouponsForOrderInput(Long memberId, Long storeId, Long amountCents, List<Line> items, String channel) {

    /** An order line, as in {@code recordPurchase}. */
    public record Line(String sku, String name, String category, Integer quantity, Long unitPriceCents) {
    }

    public List<OrderLine> lines() {
        return items == null ? List.of()
                : items.stream().map(l -> new OrderLine(l.category(), (long) l.quantity() * l.unitPriceCents())).toList();
    }
}
