package com.loyalty.tier;

/**
 * A member's tier row with their spend in the tier window as of now (net of refunds), read together
 * in one statement: the tier and the progress towards the next one of a member's page.
 */
public record MemberStanding(MemberTier tier, long windowSpendCents) {
}
