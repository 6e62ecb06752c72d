package com.loyalty.store;

/** A store of the brand. */
public record Store(long id, long brandId, String name, String address) {
}
