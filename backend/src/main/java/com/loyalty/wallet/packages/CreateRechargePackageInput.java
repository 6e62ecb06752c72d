package com.loyalty.wallet.packages;

import java.util.List;

/** GraphQL input of {@code createRechargePackage}. */
public record CreateRechargePackageInput(String name, Long payCents, Long bonusCents, Integer bonusValidDays,
                                         Long bonusPoints, Long couponPackId, List<Long> storeIds) {
}
