package com.loyalty.leaderboard;

import java.util.List;

/** The top of a board and, for a member, their own place (also outside the top). */
public record Leaderboard(BoardScope scope, Long storeId, BoardPeriod period, String periodKey, BoardMetric metric,
                          List<BoardEntry> entries, BoardEntry myEntry) {
}
