package com.loyalty.store;

/** GraphQL input {@code StoreFilter} of {@code stores}: the status, and text the name or address contains. */
public record StoreFilter(StoreStatus status, String search) {

    static final StoreFilter ALL = new StoreFilter(null, null);
}
