package com.loyalty.wallet.packages;

import java.time.Instant;
import java.util.List;

/** A recharge package: pay {@code payCents}, get {@code bonusCents} more (充500送50), maybe points or a coupon pack. */
public record RechargePackage(long id, long brandId, String name, long payCents, long bonusCents,
                              Integer bonusValidDays, long bonusPoints, Long couponPackId, List<Long> storeIds,
                              boolean active, Instant createdAt) {

    /** True when the store sells it (no list of stores: every store). */
    public boolean soldAt(long storeId) {
        return active && (storeIds == null || storeIds.contains(storeId));
    }
}
