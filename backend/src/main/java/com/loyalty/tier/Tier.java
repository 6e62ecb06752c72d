package com.loyalty.tier;

/** A member tier of the brand: reached and kept by average monthly spend. */
public record Tier(int level, String name, long thresholdCents, double pointsMultiplier, String benefits) {
}
