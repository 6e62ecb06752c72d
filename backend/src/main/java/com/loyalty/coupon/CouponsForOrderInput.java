package com.loyalty.coupon;

import com.loyalty.shared.graphql.BadArgumentException;
import java.util.List;

/** GraphQL input of {@code couponsForOrder}: the order being rung up. */
public record CouponsForOrderInput(Long memberId, Long storeId, Long amountCents, List<Line> items, String channel) {

    /** An order line, as in {@code recordPurchase}. */
    public record Line(String sku, String name, String category, Integer quantity, Long unitPriceCents) {
    }

    /**
     * Refuses what no till sends (a negative amount, a line of less than one piece or at a negative
     * price) and lines whose amounts would overflow, before any coupon is assessed on them.
     */
    public CouponsForOrderInput checked() {
        if (amountCents != null && amountCents < 0) {
            throw new BadArgumentException("amountCents must not be negative (订单金额不能为负)");
        }
        try {
            long total = 0;
            for (Line line : items == null ? List.<Line>of() : items) {
                if (line.quantity() == null || line.quantity() < 1 || line.unitPriceCents() == null
                        || line.unitPriceCents() < 0) {
                    throw new BadArgumentException(
                            "items need a quantity of at least 1 and a price of at least 0 (商品数量需至少为 1，单价不能为负)");
                }
                total = Math.addExact(total, Math.multiplyExact((long) line.quantity(), line.unitPriceCents()));
            }
        } catch (ArithmeticException e) {
            throw new BadArgumentException("items add up to more than any order (商品金额过大)");
        }
        return this;
    }

    public List<OrderLine> lines() {
        return items == null ? List.of()
                : items.stream().map(l -> new OrderLine(l.category(), (long) l.quantity() * l.unitPriceCents())).toList();
    }
}
