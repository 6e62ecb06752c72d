package com.loyalty.wallet.packages;

/** GraphQL input of {@code rechargePackagesPage(filter:)}: on sale or withdrawn, sold at a store; null leaves it open. */
public record RechargePackageFilter(Boolean active, Long storeId) {

    static RechargePackageFilter none() {
        return new RechargePackageFilter(null, null);
    }

    RechargePackageFilter atStore(Long store) {
        return new RechargePackageFilter(active, store);
    }
}
