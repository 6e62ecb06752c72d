package com.loyalty.recommend;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How rules are mined and recommendations made ({@code loyalty.recommend.*}; docs/rules.md).
 *
 * @param minSupport      share of baskets a set of products must appear in (0.01 = 1 %)
 * @param minConfidence   share of baskets with X that must also hold y for {@code X -> y}
 * @param maxItemsetSize  most products in a rule, both sides together (2 to 5)
 * @param windowDays      baskets of the last this many days are mined
 * @param maxBaskets      at most this many of the most recent baskets are mined
 * @param maxRules        the strongest this many rules are kept per brand
 * @param bestsellerDays  best sellers count orders of the last this many days (at most windowDays)
 * @param bestsellers     best sellers kept per store
 * @param historyDays     a member's orders of the last this many days feed their recommendations
 * @param historyOrders   ... at most this many of them, the most recent
 * @param justBoughtDays  products of the member's last order and of the last this many days are not recommended
 */
@ConfigurationProperties("loyalty.recommend")
record RecommendProperties(
        @DefaultValue("0.01") double minSupport,
        @DefaultValue("0.2") double minConfidence,
        @DefaultValue("3") int maxItemsetSize,
        @DefaultValue("180") int windowDays,
        @DefaultValue("50000") int maxBaskets,
        @DefaultValue("1000") int maxRules,
        @DefaultValue("30") int bestsellerDays,
        @DefaultValue("20") int bestsellers,
        @DefaultValue("180") int historyDays,
        @DefaultValue("10") int historyOrders,
        @DefaultValue("7") int justBoughtDays) {

    public RecommendProperties {
        thresholds(minSupport, minConfidence, maxItemsetSize);
        if (windowDays < 1 || maxBaskets < 1 || maxRules < 1 || bestsellers < 1 || historyOrders < 1
                || bestsellerDays < 1 || bestsellerDays > windowDays || historyDays < 1 || justBoughtDays < 0) {
            throw new IllegalArgumentException("loyalty.recommend: windows and counts must be positive, "
                    + "bestseller-days at most window-days");
        }
    }

    /** The miner's thresholds. */
    public MiningThresholds thresholds() {
        return thresholds(minSupport, minConfidence, maxItemsetSize);
    }

    private static MiningThresholds thresholds(double support, double confidence, int size) {
        return new MiningThresholds(support, confidence, size);
    }
}
