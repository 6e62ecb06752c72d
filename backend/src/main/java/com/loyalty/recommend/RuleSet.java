package com.loyalty.recommend;

import java.time.Instant;
import java.time.LocalDate;

/** A brand's last mining run: when, over which baskets, with which thresholds, how long it took. */
public record RuleSet(long brandId, LocalDate asOf, Instant computedAt, int windowDays, int baskets,
                      double minSupport, double minConfidence, int maxItemsetSize, long miningMillis,
                      int ruleCount) {
}
