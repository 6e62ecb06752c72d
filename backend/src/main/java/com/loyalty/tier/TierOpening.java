package com.loyalty.tier;

/** The tier a member had in the brand's previous system (a level of the programme's tiers). */
public record TierOpening(long memberId, int level) {
}
