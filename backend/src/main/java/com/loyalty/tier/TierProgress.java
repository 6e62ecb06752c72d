package com.loyalty.tier;

import java.time.Instant;

/**
 * Where a member stands: current and next tier, average monthly spend over the window, what is
 * still needed to reach the next tier, what keeps the current one, and when the next review is.
 */
public record TierProgress(
        Tier current,
        Tier next,
        long averageMonthlySpendCents,
        long spendNeededCents,
        double progress,
        int monthsBelowThreshold,
        long keepRequirementCents,
        Instant nextReviewAt,
        String basis) {
}
