package com.loyalty.leaderboard;

/** GraphQL input of {@code rebuildLeaderboards}. */
public record RebuildLeaderboardsInput(BoardPeriod period) {
}
