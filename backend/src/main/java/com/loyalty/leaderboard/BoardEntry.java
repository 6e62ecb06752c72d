package com.loyalty.leaderboard;

/** One ranked member: rank from 1, score, and how the board shows them. */
public record BoardEntry(int rank, long memberId, long score, String nickname, String avatarUrl) {
}
