package com.loyalty.recommend;

/** GraphQL input of {@code setStoreStock}. */
public record SetStoreStockInput(Long storeId, String sku, Boolean inStock) {
}
