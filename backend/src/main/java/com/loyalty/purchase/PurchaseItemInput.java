package com.loyalty.purchase;

/** One line of a purchase. */
public record PurchaseItemInput(String sku, String name, String category, Integer quantity, Long unitPriceCents) {
}
