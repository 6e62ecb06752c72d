package com.loyalty.wallet.online;

/** GraphQL input of {@code startWalletRecharge}. */
public record StartWalletRechargeInput(Long packageId, Long storeId, String idempotencyKey) {
}
