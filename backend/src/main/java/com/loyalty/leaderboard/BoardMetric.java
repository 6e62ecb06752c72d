package com.loyalty.leaderboard;

/** What a board ranks. */
public enum BoardMetric {
    /** Points earned in the period (purchases, check-ins, invitations), less points taken back by refunds. */
    POINTS_EARNED,
    /** The longest check-in streak reached in the period. */
    CHECKIN_STREAK
}
