package com.loyalty.analytics.tiers;

/** Members at one tier and their share of the members in scope. */
public record TierReportCount(int level, String name, long members, Double share) {
}
