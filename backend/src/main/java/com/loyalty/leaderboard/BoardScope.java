package com.loyalty.leaderboard;

/** Whose board: one store's (where points were earned; for streaks, where members registered) or the brand's. */
public enum BoardScope {
    STORE,
    BRAND
}
