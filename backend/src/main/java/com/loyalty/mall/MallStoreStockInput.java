package com.loyalty.mall;

public record MallStoreStockInput(Long storeId, Integer remaining) {
}
