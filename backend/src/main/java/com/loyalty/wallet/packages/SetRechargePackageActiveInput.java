package com.loyalty.wallet.packages;

/** GraphQL input of {@code setRechargePackageActive}. */
public record SetRechargePackageActiveInput(Long packageId, Boolean active) {
}
