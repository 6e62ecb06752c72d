package com.loyalty.programme;

import java.util.List;

/**
 * Check-in rules of a version.
 *
 * @param rewards            points for day 1, 2, ... of a streak
 * @param afterLastDay       REPEAT the table from day 1, or STAY at its last value
 * @param makeUpCost         points a make-up check-in costs
 * @param makeUpsPerMonth    make-ups allowed per calendar month
 * @param rewardExpiryMonths check-in points expire at the end of this many months after
 */
public record CheckInRules(List<Long> rewards, AfterLastDay afterLastDay, long makeUpCost, int makeUpsPerMonth,
                           int rewardExpiryMonths) {

    /** What a streak longer than the table gives. */
    public enum AfterLastDay { REPEAT, STAY }

    /** Points for the {@code streak}-th day in a row (1-based). */
    public long rewardFor(int streak) {
        int size = rewards.size();
        int index = afterLastDay == AfterLastDay.REPEAT ? (streak - 1) % size : Math.min(streak, size) - 1;
        return rewards.get(index);
    }
}
