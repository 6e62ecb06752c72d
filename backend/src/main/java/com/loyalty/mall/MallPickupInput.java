package com.loyalty.mall;

/** A pickup code shown at the till, and the store (admins name it). Used by mallPickup and completeMallPickup. */
public record MallPickupInput(String code, Long storeId) {
}
