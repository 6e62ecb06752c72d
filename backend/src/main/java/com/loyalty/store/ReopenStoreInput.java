package com.loyalty.store;

/** GraphQL input of {@code reopenStore}. */
public record ReopenStoreInput(Long storeId) {
}
