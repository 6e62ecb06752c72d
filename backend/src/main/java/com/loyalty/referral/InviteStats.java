package com.loyalty.referral;

/** Totals of the viewer's invitations. */
public record InviteStats(long joined, long registered, long purchased, long pointsEarned) {
}
