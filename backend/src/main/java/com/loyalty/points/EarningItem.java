package com.loyalty.points;

/** A line of an order as earning sees it: its SKU, category (may be null) and amount in cents. */
public record EarningItem(String sku, String category, long cents) {
}
