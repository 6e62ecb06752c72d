package com.loyalty.recommend;

/**
 * What makes an itemset frequent and a rule strong: minimum support (share of baskets), minimum
 * confidence, and the largest itemset (antecedent plus consequent) looked for.
 */
public record MiningThresholds(double minSupport, double minConfidence, int maxItemsetSize) {

    public MiningThresholds {
        if (!(minSupport > 0 && minSupport <= 1)) {
            throw new IllegalArgumentException("minSupport must be in (0, 1]: " + minSupport);
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) {
            throw new IllegalArgumentException("minConfidence must be in [0, 1]: " + minConfidence);
        }
        if (maxItemsetSize < 2 || maxItemsetSize > 5) {
            throw new IllegalArgumentException("maxItemsetSize must be 2 to 5: " + maxItemsetSize);
        }
    }
}
