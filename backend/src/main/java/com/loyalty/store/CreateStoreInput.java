package com.loyalty.store;

/** GraphQL input of {@code createStore}. */
public record CreateStoreInput(String name, String address) {
}
