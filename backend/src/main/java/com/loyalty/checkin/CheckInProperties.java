package com.loyalty.checkin;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Check-in rules.
 *
 * @param rewards            points for day 1, 2, ... of a streak
 * @param afterLastDay       REPEAT the table from day 1, or STAY at its last value
 * @param makeUpCost         points a make-up check-in costs
 * @param makeUpsPerMonth    make-ups allowed per calendar month
 * @param rewardExpiryMonths check-in points expire at the end of this many months after
 */
@ConfigurationProperties("loyalty.checkin")
record CheckInProperties(
        @DefaultValue({"1", "2", "3", "4", "5", "6", "10"}) List<Long> rewards,
        @DefaultValue("REPEAT") AfterLastDay afterLastDay,
        @DefaultValue("20") long makeUpCost,
        @DefaultValue("2") int makeUpsPerMonth,
        @DefaultValue("3") int rewardExpiryMonths) {

    /** What a streak longer than the table gives. */
    public enum AfterLastDay { REPEAT, STAY }

    /** Points for the {@code streak}-th day in a row (1-based). */
    public long rewardFor(int streak) {
        int size = rewards.size();
        int index = afterLastDay == AfterLastDay.REPEAT ? (streak - 1) % size : Math.min(streak, size) - 1;
        return rewards.get(index);
    }
}
