package com.loyalty.lottery;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Picks a prize: a value uniform in [0, 10000) and the prizes' probabilities (basis points) laid
 * end to end in their order; the value falls in one prize's range, or past them all on 谢谢参与.
 * The draw itself uses a {@link java.security.SecureRandom}; tests pass a seeded generator.
 */
final class LotteryPicker {

    /** Probabilities are basis points: 10000 is certain. */
    static final int SCALE = 10_000;

    private LotteryPicker() {
    }

    /** What one draw picked: the random value and the prize it landed on (null: 谢谢参与). */
    record Pick(int value, Prize prize) {
    }

    static Pick pick(List<Prize> pool, RandomGenerator random) {
        int value = random.nextInt(SCALE);
        return new Pick(value, landOn(pool, value));
    }

    /** The prize whose range holds {@code value}; null when it is past every prize's (谢谢参与). */
    static Prize landOn(List<Prize> pool, int value) {
        int upTo = 0;
        for (Prize prize : pool) {
            if (prize.kind() == Prize.Kind.NOTHING) {
                continue;
            }
            upTo += prize.probabilityBp();
            if (value < upTo) {
                return prize;
            }
        }
        return null;
    }

    /** The share 谢谢参与 takes: what the prizes leave of 10000. */
    static int nothingShare(List<Prize> pool) {
        return SCALE - pool.stream().filter(p -> p.kind() != Prize.Kind.NOTHING).mapToInt(Prize::probabilityBp).sum();
    }
}
