package com.loyalty.purchase;

/** GraphQL input of {@code refundPurchase}. */
public record RefundPurchaseInput(String orderNo, Long storeId, String refundNo, Long amountCents) {
}
