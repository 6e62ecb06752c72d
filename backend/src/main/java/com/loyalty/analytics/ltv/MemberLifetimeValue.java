package com.loyalty.analytics.ltv;

import java.time.LocalDate;

/**
 * A member's value: historical (what they paid, less the refunded share) and predicted for the
 * rest of their expected lifetime (average order x purchases per month x expected months).
 */
public record MemberLifetimeValue(long memberId, String nickname, long orders, long historicalValueCents,
                                  Long averageOrderCents, double purchasesPerMonth, LocalDate firstPurchaseOn,
                                  LocalDate lastPurchaseOn, long predictedValueCents, Double monthlyChurnRate,
                                  double expectedLifetimeMonths) {

    /** historical + predicted. */
    public long lifetimeValueCents() {
        return historicalValueCents + predictedValueCents;
    }
}
