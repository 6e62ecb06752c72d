package com.loyalty.wallet;

/** GraphQL input of {@code setRechargePackageActive}. */
public record SetRechargePackageActiveInput(Long packageId, Boolean active) {
}
