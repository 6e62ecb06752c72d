package com.loyalty.analytics.numbers;

/** New members of a range who registered at one store (storeId null: at none, e.g. in the mini-program). */
public record StoreGrowth(Long storeId, String storeName, int newMembers, int newMembersWithPhone) {
}
