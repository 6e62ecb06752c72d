package com.loyalty.referral;

/** One invitation reward; {@code granted} is false when the inviter's cap had been reached. */
public record ReferralReward(long inviteeId, RewardKind kind, long memberId, long points, boolean granted) {
}
