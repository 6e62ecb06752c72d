package com.loyalty.store;

/** GraphQL input of {@code updateStore}: what is left out stays as it is; "" clears the address or phone. */
public record UpdateStoreInput(Long storeId, String name, String address, String phone) {
}
