package com.loyalty.analytics.points;

/** Points in the scope's buckets that expire within the next {@code days} days, and their value at the till. */
public record PointsExpiring(int days, long points, long cents) {
}
