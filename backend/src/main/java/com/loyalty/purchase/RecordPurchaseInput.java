package com.loyalty.purchase;

import java.time.Instant;
import java.util.List;

/** GraphQL input of {@code recordPurchase}; {@code walletAmountCents} is paid from the stored-value card (wallet/). */
public record RecordPurchaseInput(
        String memberCodeToken,
        Long memberId,
        Long storeId,
        String orderNo,
        Long amountCents,
        List<PurchaseItemInput> items,
        Purchase.Channel channel,
        Long pointsToRedeem,
        Instant occurredAt,
        List<Long> couponIds,
        Long walletAmountCents,
        String tillProof) {

    /** The order's lines; none when the till sent none. */
    public List<PurchaseItemInput> itemList() {
        return items == null ? List.of() : items;
    }

    /** The first input field that spends the member's points, coupons or stored value; null when none does. */
    public String spendingField() {
        if (pointsToRedeem != null && pointsToRedeem != 0) {
            return "pointsToRedeem";
        }
        if (couponIds != null && !couponIds.isEmpty()) {
            return "couponIds";
        }
        if (walletAmountCents != null && walletAmountCents != 0) {
            return "walletAmountCents";
        }
        return null;
    }

    /** No member named: the order of a walk-in customer (非会员). */
    public boolean guest() {
        return memberCodeToken == null && memberId == null && tillProof == null;
    }
}
