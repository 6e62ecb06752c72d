package com.loyalty.analytics.ltv;

import java.util.List;

/** Lifetime value per group of members in scope, with the churn and lifetime the predictions used. */
public record LtvBySegment(LtvGroupBy groupBy, Long storeId, Double monthlyChurnRate, double expectedLifetimeMonths,
                           List<LtvSegment> segments) {
}
