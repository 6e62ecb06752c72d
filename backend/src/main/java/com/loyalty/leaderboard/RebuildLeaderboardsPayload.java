package com.loyalty.leaderboard;

import com.loyalty.shared.graphql.UserError;
import java.util.List;

/** Result of {@code rebuildLeaderboards}: how many boards now hold entries. */
public record RebuildLeaderboardsPayload(long boards, List<UserError> userErrors) {
}
