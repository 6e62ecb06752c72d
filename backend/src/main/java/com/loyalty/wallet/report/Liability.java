package com.loyalty.wallet.report;

import java.time.Instant;
import java.util.List;

/**
 * What the brand owes on stored-value cards at {@code asOf}: principal not spent and bonus still
 * valid, per store where it was recharged. The total equals the sum of the members' balances.
 */
public record Liability(Instant asOf, List<StoreLiability> byStore) {

    /** One store's part. */
    public record StoreLiability(long storeId, long principalCents, long bonusCents) {

        public long totalCents() {
            return principalCents + bonusCents;
        }
    }

    public long principalCents() {
        return byStore.stream().mapToLong(StoreLiability::principalCents).sum();
    }

    public long bonusCents() {
        return byStore.stream().mapToLong(StoreLiability::bonusCents).sum();
    }

    public long totalCents() {
        return principalCents() + bonusCents();
    }
}
