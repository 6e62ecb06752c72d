package com.loyalty.lottery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The pick function against the odds: 100 000 draws with a seeded generator. Two measures, each
 * with its justification:
 * <ul>
 * <li>Pearson's chi-squared over the 5 outcomes (4 degrees of freedom) stays below 18.47, the 0.1%
 * critical value: a correct picker fails this one seed in a thousand, a wrong one (a prize's range
 * off by even 0.3 percentage points at these sizes) fails it nearly always.</li>
 * <li>each outcome's count is within 4 standard deviations (sqrt(n p (1-p))) of n p: for a single
 * binomial count that holds with probability 99.994%, and it names the prize that drifts.</li>
 * </ul>
 */
class LotteryOddsTest {

    private static final int DRAWS = 100_000;

    private static Prize prize(long id, Prize.Kind kind, int bp) {
        return new Prize(id, 1, (int) id, kind, "p" + id, kind == Prize.Kind.POINTS ? 10L : null,
                kind == Prize.Kind.COUPON ? 7L : null, bp, kind == Prize.Kind.NOTHING ? null : 1000,
                kind == Prize.Kind.NOTHING ? null : 1000, null);
    }

    @Test
    void oneHundredThousandSeededDrawsMatchTheConfiguredOdds() {
        // 0.5%, 5%, 20%, 30% and 谢谢参与 the remaining 44.5%
        List<Prize> pool = List.of(prize(1, Prize.Kind.POINTS, 50), prize(2, Prize.Kind.COUPON, 500),
                prize(3, Prize.Kind.POINTS, 2000), prize(4, Prize.Kind.COUPON, 3000), prize(5, Prize.Kind.NOTHING, 0));
        Map<Long, Integer> counts = new HashMap<>();
        SplittableRandom random = new SplittableRandom(20261207L);
        for (int i = 0; i < DRAWS; i++) {
            Prize won = LotteryDrawService.pick(pool, random).prize();
            counts.merge(won == null ? 0L : won.id(), 1, Integer::sum);
        }
        Map<Long, Double> expected = Map.of(1L, 0.005, 2L, 0.05, 3L, 0.20, 4L, 0.30, 0L, 0.445);

        double chiSquared = 0;
        for (var e : expected.entrySet()) {
            double mean = DRAWS * e.getValue();
            int seen = counts.getOrDefault(e.getKey(), 0);
            chiSquared += (seen - mean) * (seen - mean) / mean;
            double sd = Math.sqrt(DRAWS * e.getValue() * (1 - e.getValue()));
            assertThat((double) seen).as("draws of outcome %d", e.getKey()).isBetween(mean - 4 * sd, mean + 4 * sd);
        }
        assertThat(chiSquared).as("chi-squared, 4 degrees of freedom").isLessThan(18.47);
        assertThat(counts.keySet()).as("the NOTHING row is never picked itself: the remainder is").doesNotContain(5L);
    }

    @Test
    void theRandomValueFallsInEachPrizesRangeInOrderAndPastThemOnNothing() {
        List<Prize> pool = List.of(prize(1, Prize.Kind.POINTS, 50), prize(9, Prize.Kind.NOTHING, 9000),
                prize(2, Prize.Kind.COUPON, 950));
        assertThat(LotteryPicker.landOn(pool, 0).id()).isEqualTo(1);
        assertThat(LotteryPicker.landOn(pool, 49).id()).isEqualTo(1);
        assertThat(LotteryPicker.landOn(pool, 50).id()).isEqualTo(2);
        assertThat(LotteryPicker.landOn(pool, 999).id()).isEqualTo(2);
        assertThat(LotteryPicker.landOn(pool, 1000)).isNull();
        assertThat(LotteryPicker.landOn(pool, 9999)).isNull();
        assertThat(LotteryPicker.nothingShare(pool)).isEqualTo(9000);
    }

    @Test
    void membersSeeEachProbabilityAsAPercentageAndNothingTakesTheRest() {
        Lottery lottery = new Lottery(1, 1, "t", "r", null, null, 10, 3, null, 100, 0, 95, 0,
                Lottery.Status.RUNNING, 1, null, null);
        List<MemberLottery.Odds> odds = LotteryDrawService.odds(lottery, List.of(prize(1, Prize.Kind.POINTS, 50),
                prize(2, Prize.Kind.COUPON, 1234)));
        assertThat(odds).extracting(MemberLottery.Odds::probabilityText).containsExactly("0.50%", "12.34%", "87.16%");
        assertThat(odds).extracting(MemberLottery.Odds::name).containsExactly("p1", "p2", "谢谢参与");
        // 95 of 100 budget points given: a 10-point prize no longer fits, nor any coupon (budget 0)
        assertThat(odds).extracting(MemberLottery.Odds::inStock).containsExactly(false, false, true);
    }
}
