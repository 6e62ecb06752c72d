package com.loyalty.recommend;

import java.time.Instant;

/** A store's stock flag for a SKU, with the product's name when the catalogue knows it. */
public record StoreStock(long storeId, String sku, String name, boolean inStock, Instant updatedAt, long updatedBy) {
}
