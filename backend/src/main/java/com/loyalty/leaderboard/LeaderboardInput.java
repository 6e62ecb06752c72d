package com.loyalty.leaderboard;

/** GraphQL input of {@code leaderboard}. */
public record LeaderboardInput(BoardScope scope, Long storeId, BoardPeriod period, BoardMetric metric, Integer first) {
}
