package com.loyalty.lottery;

/** What a lottery has done: draws, points taken, prizes given, and its budget left. */
public record LotteryTotals(long draws, long pointsTaken, long prizesGiven, long budgetPointsLeft,
                            long budgetCouponsLeft) {
}
