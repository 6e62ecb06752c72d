package com.loyalty.recommend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The miner on hand-built baskets. The ten baskets (生日蛋糕 CAKE, 蜡烛 CANDLE, 生日帽 HAT, 吐司 TOAST,
 * 牛奶 MILK, 咖啡 COFFEE):
 * <pre>
 *  1 CAKE CANDLE HAT      6 TOAST MILK
 *  2 CAKE CANDLE HAT      7 TOAST MILK
 *  3 CAKE CANDLE          8 TOAST MILK COFFEE
 *  4 CAKE CANDLE MILK     9 TOAST
 *  5 CAKE TOAST          10 COFFEE
 * </pre>
 * Counts: CAKE 5, CANDLE 4, HAT 2, TOAST 5, MILK 4, COFFEE 2; CAKE+CANDLE 4, CAKE+HAT 2, CANDLE+HAT 2,
 * TOAST+MILK 3, CAKE+CANDLE+HAT 2; every other pair or triple once. With support 0.2 (2 baskets)
 * and confidence 0.6 exactly eight rules hold (below, with support, confidence, lift by hand);
 * CAKE -> HAT (0.4), CANDLE -> HAT (0.5) and CAKE+CANDLE -> HAT (0.5) miss the confidence,
 * CAKE -> MILK, TOAST -> COFFEE and MILK -> COFFEE (support 0.1) miss the support.
 */
class AprioriMinerTest {

    private static final List<List<String>> BASKETS = List.of(
            List.of("CAKE", "CANDLE", "HAT"),
            List.of("CAKE", "CANDLE", "HAT"),
            List.of("CAKE", "CANDLE"),
            List.of("CAKE", "CANDLE", "MILK"),
            List.of("CAKE", "TOAST"),
            List.of("TOAST", "MILK"),
            List.of("TOAST", "MILK"),
            List.of("TOAST", "MILK", "COFFEE"),
            List.of("TOAST"),
            List.of("COFFEE"));

    private final AprioriMiner miner = new AprioriMiner();

    @Test
    void findsExactlyThePlantedRulesWithTheirSupportConfidenceAndLiftStrongestFirst() {
        List<MinedRule> rules = miner.mine(BASKETS, new MiningThresholds(0.2, 0.6, 3));

        assertThat(rules).extracting(AprioriMinerTest::text).containsExactly(
                "HAT -> CANDLE", "CAKE+HAT -> CANDLE", "CANDLE -> CAKE", "HAT -> CAKE", "CANDLE+HAT -> CAKE",
                "CAKE -> CANDLE", "MILK -> TOAST", "TOAST -> MILK");
        assertRule(rules, "CAKE -> CANDLE", 0.4, 0.8, 2.0);
        assertRule(rules, "CANDLE -> CAKE", 0.4, 1.0, 2.0);
        assertRule(rules, "HAT -> CANDLE", 0.2, 1.0, 2.5);
        assertRule(rules, "HAT -> CAKE", 0.2, 1.0, 2.0);
        assertRule(rules, "CAKE+HAT -> CANDLE", 0.2, 1.0, 2.5);
        assertRule(rules, "CANDLE+HAT -> CAKE", 0.2, 1.0, 2.0);
        assertRule(rules, "MILK -> TOAST", 0.3, 0.75, 1.5);
        assertRule(rules, "TOAST -> MILK", 0.3, 0.6, 1.5);
        assertThat(rules).allSatisfy(rule -> {
            assertThat(rule.support()).isGreaterThanOrEqualTo(0.2);
            assertThat(rule.confidence()).isGreaterThanOrEqualTo(0.6);
        });
    }

    @Test
    void maxItemsetSizeTwoKeepsOnlyOneProductOnEachSide() {
        List<MinedRule> rules = miner.mine(BASKETS, new MiningThresholds(0.2, 0.6, 2));

        assertThat(rules).extracting(AprioriMinerTest::text).containsExactly(
                "HAT -> CANDLE", "CANDLE -> CAKE", "HAT -> CAKE", "CAKE -> CANDLE", "MILK -> TOAST", "TOAST -> MILK");
    }

    @Test
    void aProductTwiceInOneBasketCountsOnceAndNoBasketsGiveNoRules() {
        List<MinedRule> rules = miner.mine(List.of(List.of("CAKE", "CAKE", "CANDLE"), List.of("CAKE")),
                new MiningThresholds(0.5, 0.5, 3));

        assertThat(rules).extracting(AprioriMinerTest::text).containsExactly("CANDLE -> CAKE", "CAKE -> CANDLE");
        assertThat(rules.get(1).confidence()).isEqualTo(0.5);
        assertThat(miner.mine(List.of(), new MiningThresholds(0.1, 0.1, 3))).isEmpty();
    }

    @Test
    void thresholdsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> new MiningThresholds(0, 0.5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MiningThresholds(0.1, 1.5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MiningThresholds(0.1, 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** On random baskets, the same rules as counting every subset of every basket by brute force. */
    @Test
    void agreesWithBruteForceOnRandomBaskets() {
        Random random = new Random(42);
        List<List<String>> baskets = new ArrayList<>();
        for (int b = 0; b < 400; b++) {
            Set<String> basket = new TreeSet<>();
            int size = 1 + random.nextInt(6);
            while (basket.size() < size) {
                basket.add("P" + (int) Math.floor(Math.pow(random.nextDouble(), 2) * 15));
            }
            baskets.add(List.copyOf(basket));
        }
        MiningThresholds thresholds = new MiningThresholds(0.03, 0.3, 4);

        Set<String> mined = new HashSet<>();
        miner.mine(baskets, thresholds).forEach(rule -> mined.add(text(rule) + " " + rule.supportCount()
                + "/" + rule.antecedentCount() + "/" + rule.consequentCount()));

        assertThat(mined).isNotEmpty().isEqualTo(BruteForce.rules(baskets, thresholds));
    }

    private static void assertRule(List<MinedRule> rules, String text, double support, double confidence, double lift) {
        MinedRule rule = rules.stream().filter(r -> text(r).equals(text)).findFirst().orElseThrow();
        assertThat(rule.support()).as(text + " support").isEqualTo(support);
        assertThat(rule.confidence()).as(text + " confidence").isEqualTo(confidence);
        assertThat(rule.lift()).as(text + " lift").isEqualTo(lift);
        assertThat(rule.baskets()).isEqualTo(10);
    }

    static String text(MinedRule rule) {
        return String.join("+", rule.antecedent()) + " -> " + rule.consequent();
    }
}
