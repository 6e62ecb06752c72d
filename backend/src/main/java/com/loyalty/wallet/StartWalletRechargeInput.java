package com.loyalty.wallet;

/** GraphQL input of {@code startWalletRecharge}. */
public record StartWalletRechargeInput(Long packageId, Long storeId, String idempotencyKey) {
}
