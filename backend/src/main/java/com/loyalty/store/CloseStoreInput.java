package com.loyalty.store;

/** GraphQL input of {@code closeStore}. */
public record CloseStoreInput(Long storeId, String reason) {
}
