package com.loyalty.purchase;

/** One line of a purchase as the till sent it: {@code lineNo} counts from 1. */
public record PurchaseLine(long purchaseId, int lineNo, String sku, String name, String category, int quantity,
                           long unitPriceCents) {

    public long amountCents() {
        return quantity * unitPriceCents;
    }
}
