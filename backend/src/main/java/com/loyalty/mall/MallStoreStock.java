package com.loyalty.mall;

/** Units left of goods at one store. */
public record MallStoreStock(long goodsId, long storeId, String storeName, int remaining) {
}
